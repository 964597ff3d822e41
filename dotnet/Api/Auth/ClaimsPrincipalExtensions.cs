using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace BffReference.Api.Auth;

/// <summary>The claims by their JWT names: MapInboundClaims is off, so nothing renames them.</summary>
public static class ClaimsPrincipalExtensions
{
    public static Guid? AccountId(this ClaimsPrincipal user) => ParseGuid(user.FindFirstValue(JwtRegisteredClaimNames.Sub));

    /// <summary>The refresh-token family the token was issued with.</summary>
    public static Guid? SessionId(this ClaimsPrincipal user) => ParseGuid(user.FindFirstValue(JwtRegisteredClaimNames.Sid));

    public static string TokenId(this ClaimsPrincipal user) => user.FindFirstValue(JwtRegisteredClaimNames.Jti) ?? "";

    public static DateTime ExpiresAt(this ClaimsPrincipal user) =>
        DateTime.UnixEpoch.AddSeconds(long.TryParse(user.FindFirstValue(JwtRegisteredClaimNames.Exp), out var exp) ? exp : 0);

    private static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
