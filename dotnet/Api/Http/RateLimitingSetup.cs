using System.Globalization;
using System.Threading.RateLimiting;
using BffReference.Api.Options;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Http;

public static class RateLimitingSetup
{
    public const string SignInPolicy = "sign-in";
    public const string RegistrationPolicy = "registration";

    // What a refused client is told, by the policy that refused it.
    private static readonly Dictionary<string, string> RejectionDetails = new()
    {
        [SignInPolicy] = "Too many sign-in requests. Try again later.",
        [RegistrationPolicy] = "Too many accounts registered from this address. Try again later.",
    };

    /// <summary>
    /// Per-client fixed windows, counted before any password is hashed: a
    /// flood guard on sign-in (failed sign-ins have their own, stricter count
    /// in LoginThrottle), and the registration limit, so one address cannot
    /// churn through the account cap.
    /// </summary>
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            // The default is 503, which would tell the client the server is down.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = RejectionDetails.GetValueOrDefault(policy ?? "", "Too many requests. Try again later."),
                    },
                });
            };
            options.AddPolicy(SignInPolicy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<LoginLimitOptions>>().Value.RequestsPerClientPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            // Every request counts, whatever the answer; an IPv6 client by its /64.
            options.AddPolicy(RegistrationPolicy, http =>
            {
                var accounts = http.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.NetworkOf(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = accounts.RegistrationsPerClient,
                    Window = TimeSpan.FromSeconds(accounts.RegistrationWindowSeconds),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
