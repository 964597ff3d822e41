using System.Globalization;
using BffReference.Api.Data;
using BffReference.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BffReference.Api.Auth;

public static class AuthEndpoints
{
    private static readonly Dictionary<RotationFailure, string> RefreshFailures = new()
    {
        [RotationFailure.Invalid] = "The refresh token is invalid.",
        [RotationFailure.Expired] = "The refresh token has expired; sign in again.",
        [RotationFailure.Revoked] = "The refresh token has been revoked; sign in again.",
        [RotationFailure.Reused] = "The refresh token was already used, so its token family has been revoked; sign in again.",
    };

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).Validate<LoginRequest>().RequireRateLimiting(RateLimitingSetup.SignInPolicy)
            .WithName("login").ProducesProblem(401).ProducesProblem(413).ProducesProblem(415).ProducesProblem(429);
        group.MapPost("/register", RegisterAsync).Validate<RegisterRequest>()
            .WithName("register").ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(429);
        group.MapPost("/refresh", RefreshAsync).Validate<RefreshRequest>()
            .WithName("refresh").ProducesProblem(401).ProducesProblem(413).ProducesProblem(415);
        group.MapPost("/logout", LogoutAsync).Validate<LogoutRequest>()
            .WithName("logout").ProducesProblem(413).ProducesProblem(415);
        return routes;
    }

    // #region login
    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext http, AccountService accounts, LoginThrottle throttle, SessionIssuer sessions, CancellationToken ct)
    {
        var email = AccountService.Normalize(request.Email!);
        var client = ClientAddress.Of(http);

        // 1. Count the attempt, for this client and for this client on this account, in
        //    the database every instance shares; refuse, before touching the password,
        //    when either count is over its limit.
        if (await throttle.BeginAttemptAsync(email, client, ct) is > 0 and var retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem("Too many failed sign-in attempts. Try again later.", statusCode: 429);
        }

        // 2. Verify. An unknown email still costs one hash, so timing does not reveal it.
        var account = await accounts.VerifyAsync(email, request.Password!, ct);

        // 3. A failure stays counted against both keys. Unknown email and wrong password look the same.
        if (account is null) return TypedResults.Problem("Invalid email or password.", statusCode: 401);

        // 4. Success clears this client's count for the account, and the client's own count gives the attempt back.
        await throttle.RecordSuccessAsync(email, client, ct);
        await accounts.TouchAsync(account.Id, ct);

        // 5. Every sign-in starts a new refresh-token family.
        return TypedResults.Ok(await sessions.StartAsync(account, ct));
    }
    // #endregion login

    private static async Task<Results<Created<UserResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, HttpContext http, AccountService accounts, RegistrationThrottle throttle, CancellationToken ct)
    {
        var network = ClientAddress.NetworkOf(http);
        // 1. Count the attempt against the client's network, in the database every
        //    instance shares; refuse past the limit, before any password is hashed.
        if (await throttle.BeginAttemptAsync(network, ct) is > 0 and var retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem("Too many accounts registered from this address. Try again later.", statusCode: 429);
        }

        // 2. At the cap, this client's own least recently used account goes first.
        var account = await accounts.RegisterAsync(request.Name!, request.Email!, request.Password!, network, ct);
        if (account is null) return TypedResults.Problem("An account with this email already exists.", statusCode: 409);
        // Relative, from the request's own path base: never from a client's X-Forwarded-Host.
        return TypedResults.Created($"{http.Request.PathBase}/api/users/me", UserResponse.From(account));
    }

    // #region refresh
    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, RefreshTokenService refreshTokens, AppDbContext db, SessionIssuer sessions, CancellationToken ct)
    {
        // 1. Rotate: the presented token is spent; a replayed one revokes its family
        //    (unless it is the one just replaced, inside the overlap window).
        var result = await refreshTokens.RotateAsync(request.RefreshToken!, ct);
        if (result.Rotation is not { } rotation) return TypedResults.Problem(RefreshFailures[result.Failure], statusCode: 401);

        // 2. The account may have been evicted while the family was alive.
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == rotation.AccountId, ct);
        if (account is null) return TypedResults.Problem(RefreshFailures[RotationFailure.Invalid], statusCode: 401);

        // 3. A new pair; the family's absolute expiry carries over unchanged.
        return TypedResults.Ok(sessions.Pair(account, rotation));
    }
    // #endregion refresh

    /// <summary>
    /// Revokes the family of the refresh token sent, and the family named by a
    /// valid bearer token's <c>sid</c>, so a BFF holding only the access token
    /// can end the session. Always 204: unknown tokens too.
    /// </summary>
    private static async Task<NoContent> LogoutAsync(LogoutRequest? request, HttpContext http, RefreshTokenService refreshTokens, CancellationToken ct)
    {
        if (request?.RefreshToken is { } refreshToken) await refreshTokens.RevokeFamilyOfAsync(refreshToken, ct);
        // The authentication middleware already verified any bearer token (JwtBearer is the default scheme).
        if (http.User.SessionId() is { } sessionId) await refreshTokens.RevokeFamilyAsync(sessionId, ct);
        return TypedResults.NoContent();
    }
}
