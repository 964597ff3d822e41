using BffReference.Api.Demo;
using BffReference.Api.Options;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BffReference.Api.Auth;

public static class TokenAuthenticationExtensions
{
    /// <summary>
    /// JwtBearer, configured explicitly rather than trusting its defaults:
    /// HS256 only, issuer and audience checked, our own clock skew (its default
    /// is 5 minutes), and claim names left as they are on the wire.
    /// </summary>
    public static IServiceCollection AddTokenAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwtOptions) =>
            {
                var jwt = jwtOptions.Value;
                // Otherwise `sub` and `sid` arrive renamed to long WS-* claim types.
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    // Only HS256: nothing else the key could verify (algorithm confusion). Unsigned `alg: none` tokens are refused too, as signed tokens are required by default.
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    IssuerSigningKey = jwt.SecurityKey(),
                    ValidateIssuerSigningKey = true,
                    ValidIssuer = jwt.Issuer,
                    ValidateIssuer = true,
                    ValidAudience = jwt.Audience,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(jwt.ClockSkewSeconds),
                    NameClaimType = "name",
                    RoleClaimType = "role",
                };
                bearer.Events = new JwtBearerEvents
                {
                    OnTokenValidated = SessionValidation.OnTokenValidatedAsync,
                    OnChallenge = SessionValidation.OnChallenge,
                };
            });
        services.AddAuthorization();
        services.AddSingleton<ExpiredEarlyTokens>();
        return services;
    }
}
