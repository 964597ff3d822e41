using System.Security.Claims;
using BffReference.Api.Auth;
using BffReference.Api.Http;
using BffReference.Api.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Demo;

/// <summary>
/// Demo only, no real API has them: failure on purpose, and tools to watch
/// one's own session refresh and rotate. Each acts on the session of the
/// bearer token it is called with, and is exempt from the demo controls, so a
/// reader who took the API "down" can always bring it back.
/// </summary>
public static class DemoEndpoints
{
    public static IEndpointRouteBuilder MapDemo(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/demo").WithTags("Demo").RequireAuthorization();

        group.MapGet("/controls", (ClaimsPrincipal user, DemoControlsStore store) => TypedResults.Ok(store.Read(Session(user))))
            .WithName("getDemoControls");
        group.MapPut("/controls", SetControls).Validate<DemoControlsRequest>().WithName("setDemoControls")
            .ProducesProblem(413).ProducesProblem(415);
        group.MapDelete("/controls", (ClaimsPrincipal user, DemoControlsStore store) =>
        {
            store.Reset(Session(user));
            return TypedResults.NoContent();
        }).WithName("resetDemoControls");

        group.MapGet("/session", GetSessionAsync).WithName("getDemoSession");
        group.MapPost("/expire-access-token", (ClaimsPrincipal user, ExpiredEarlyTokens expired) =>
        {
            // From now on JwtBearer refuses this token as expired (SessionValidation); its `exp` does not change.
            expired.ExpireNow(user.TokenId(), user.ExpiresAt());
            return TypedResults.NoContent();
        }).WithName("expireAccessToken");
        group.MapPost("/replay-refresh-token", ReplayAsync).WithName("replayRefreshToken");
        return routes;
    }

    private static Ok<DemoControlsResponse> SetControls(DemoControlsRequest request, ClaimsPrincipal user, DemoControlsStore store) =>
        // PUT replaces: what the body leaves out is switched off.
        TypedResults.Ok(store.Set(Session(user), new DemoControlSettings(
            request.LatencyMs ?? 0, request.FailNextMutations ?? 0, request.FailureRate ?? 0, request.Down ?? false)));

    private static async Task<Results<Ok<DemoSessionResponse>, ProblemHttpResult>> GetSessionAsync(
        ClaimsPrincipal user, RefreshTokenService refreshTokens, IOptions<RefreshTokenOptions> options, CancellationToken ct)
    {
        var family = await refreshTokens.FindFamilyAsync(Session(user), ct);
        if (family is null) return TypedResults.Problem("This session is no longer stored.", statusCode: 404);
        return TypedResults.Ok(new DemoSessionResponse
        {
            FamilyIdPrefix = family.Id.ToString()[..8],
            FamilyCreatedAt = family.CreatedAt,
            FamilyExpiresAt = family.ExpiresAt,
            Rotations = family.Rotations,
            OverlapReuses = family.OverlapReuses,
            OverlapSeconds = options.Value.OverlapSeconds,
        });
    }

    /// <summary>The family's previous refresh token comes back as a thief's copy would: reuse detection revokes the family.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ReplayAsync(ClaimsPrincipal user, RefreshTokenService refreshTokens, CancellationToken ct) =>
        await refreshTokens.ReplayPreviousAsync(Session(user), ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem("This session has not rotated yet, so it has no old refresh token to replay. Refresh it once first.", statusCode: 409);

    // JwtBearer accepted the token, and SessionValidation refuses one without a `sid`.
    private static Guid Session(ClaimsPrincipal user) => user.SessionId()!.Value;
}
