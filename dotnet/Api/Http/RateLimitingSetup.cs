using System.Globalization;
using System.Threading.RateLimiting;
using BffReference.Api.Options;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Http;

public static class RateLimitingSetup
{
    public const string SignInPolicy = "sign-in";

    /// <summary>
    /// A flood guard on sign-in, per client and per minute, counted before any
    /// password is hashed. It counts in this process's memory, so each instance
    /// grants it once: it is there to keep one process's CPU from being spent on
    /// hashing, which is a per-process budget. The limits that must hold across
    /// instances (failed sign-ins in LoginThrottle, registrations in
    /// RegistrationThrottle) are counted in the database instead.
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
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = "Too many sign-in requests. Try again later.",
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
        });
        return services;
    }
}
