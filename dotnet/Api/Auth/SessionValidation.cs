using BffReference.Api.Demo;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BffReference.Api.Auth;

/// <summary>What JwtBearer cannot know from the token alone: whether its session and its account still exist.</summary>
public static class SessionValidation
{
    public static async Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var ct = context.HttpContext.RequestAborted;
        var principal = context.Principal!;

        // 1. Demo only: a token the reader expired early reads exactly like one whose `exp` passed.
        if (services.GetRequiredService<ExpiredEarlyTokens>().ExpiredAt(principal.TokenId()) is { } expiredAt)
        {
            context.Fail(new SecurityTokenExpiredException { Expires = expiredAt });
            return;
        }

        // 2. A revoked session (sign-out, or a replayed refresh token) takes its access
        //    tokens with it: one lookup by `sid`, so theft ends now, not a token lifetime later.
        if (principal.SessionId() is not { } sessionId || await services.GetRequiredService<RefreshTokenService>().IsRevokedAsync(sessionId, ct))
        {
            context.Fail(new SessionRevokedException());
            return;
        }

        // 3. The account may have been evicted since the token was issued; treat
        //    the token as invalid so the client refreshes (and fails) cleanly.
        if (principal.AccountId() is not { } accountId || !await services.GetRequiredService<AccountService>().TouchAsync(accountId, ct))
        {
            context.Fail(new SecurityTokenException("The account no longer exists."));
        }
    }

    /// <summary>JwtBearer writes error_description for the failures it knows; ours gets the mock's text.</summary>
    public static Task OnChallenge(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is SessionRevokedException) context.ErrorDescription = SessionRevokedException.Description;
        // IdentityModel 8 leaves InvalidAudience unset, so JwtBearer would write
        // "The audience '(null)' is invalid"; name the audience the token claimed.
        if (context.AuthenticateFailure is SecurityTokenInvalidAudienceException { InvalidAudience: null } && PresentedToken(context.Request) is { } token)
        {
            context.ErrorDescription = $"The audience '{string.Join(", ", token.Audiences)}' is invalid";
        }
        return Task.CompletedTask;
    }

    /// <summary>The bearer token, parsed only (it already failed validation), or null.</summary>
    private static JsonWebToken? PresentedToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            return new JsonWebToken(header[prefix.Length..].Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private sealed class SessionRevokedException() : SecurityTokenException(Description)
    {
        public const string Description = "The session has been revoked";
    }
}
