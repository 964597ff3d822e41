using BffReference.Api.Data;
using BffReference.Api.Options;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BffReference.Api.Auth;

/// <summary>HS256 access tokens with the mock's claims: sub, name, email, role, jti, sid, iat, nbf, exp, iss, aud.</summary>
public sealed class AccessTokenIssuer(IOptions<JwtOptions> options, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public (string Token, int ExpiresIn) Issue(Account account, Guid familyId)
    {
        var jwt = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddSeconds(jwt.AccessTokenSeconds),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = account.Id.ToString(),
                [JwtRegisteredClaimNames.Name] = account.Name,
                [JwtRegisteredClaimNames.Email] = account.Email,
                ["role"] = account.Role,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString(),
                // The refresh-token family: revoking it refuses this token too (SessionValidation).
                [JwtRegisteredClaimNames.Sid] = familyId.ToString(),
            },
            SigningCredentials = new SigningCredentials(jwt.SecurityKey(), SecurityAlgorithms.HmacSha256),
        };
        return (Handler.CreateToken(descriptor), jwt.AccessTokenSeconds);
    }
}
