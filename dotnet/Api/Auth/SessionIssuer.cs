using BffReference.Api.Data;

namespace BffReference.Api.Auth;

/// <summary>The token pair sign-in and refresh return.</summary>
public sealed class SessionIssuer(RefreshTokenService refreshTokens, AccessTokenIssuer accessTokens, TimeProvider time)
{
    public async Task<LoginResponse> StartAsync(Account account, CancellationToken ct) =>
        Pair(account, await refreshTokens.StartFamilyAsync(account.Id, ct));

    public LoginResponse Pair(Account account, Rotation rotation)
    {
        // The family id goes into the access token as `sid`, so revoking the family refuses it too.
        var (accessToken, expiresIn) = accessTokens.Issue(account, rotation.FamilyId);
        var familyLeft = rotation.ExpiresAt - time.GetUtcNow().UtcDateTime;
        return new LoginResponse
        {
            AccessToken = accessToken,
            RefreshToken = rotation.RefreshToken,
            ExpiresIn = expiresIn,
            RefreshTokenExpiresIn = Math.Max(0, (int)Math.Ceiling(familyLeft.TotalSeconds)),
            User = UserResponse.From(account),
        };
    }
}
