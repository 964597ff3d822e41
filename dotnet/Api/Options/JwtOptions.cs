using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace BffReference.Api.Options;

/// <summary>Access tokens: the "Jwt" section (or the mock's JWT_SIGNING_KEY and DOTNET_MOCK_JWT_* variables).</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    /// <summary>HS256 key, at least 32 characters so it carries 256 bits. Empty means a random key per process.</summary>
    public string SigningKey { get; set; } = "";

    [Required] public string Issuer { get; set; } = "https://dotnet-api.mock";

    [Required] public string Audience { get; set; } = "bff-jwt-reference";

    [Range(1, int.MaxValue)] public int AccessTokenSeconds { get; set; } = 900;

    // JwtBearer's own default is 5 minutes; 30 s keeps an expired token's afterlife short.
    [Range(0, int.MaxValue)] public int ClockSkewSeconds { get; set; } = 30;

    public SymmetricSecurityKey SecurityKey() => new(Encoding.UTF8.GetBytes(SigningKey));
}
