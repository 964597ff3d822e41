using BffReference.Api.Options;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Attachments;

/// <summary>
/// Everything Workflow E needs: options, storage, grants, and the CORS policy
/// the upload endpoint alone carries (RequireCors). No endpoint has a default
/// policy, so nothing else answers a cross-origin request.
/// </summary>
public static class UploadCors
{
    public const string Policy = "Uploads";

    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        services.AddSingleton<AttachmentStorage>();
        services.AddScoped<UploadGrantStore>();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<UploadOptions>>((cors, uploads) => cors.AddPolicy(Policy, policy =>
        {
            // Only the site's origin; with none configured, no origin at all (same-origin uploads need no CORS).
            if (uploads.Value.AllowedOrigin is { } origin) policy.WithOrigins(origin.TrimEnd('/'));
            policy.WithMethods(HttpMethods.Put)
                // Only what the upload sends: the file's type and the grant's token.
                .WithHeaders("Content-Type", UploadEndpoints.TokenHeader)
                .WithExposedHeaders("Location")
                // The token is the credential: no cookies, no Authorization, so no AllowCredentials.
                .DisallowCredentials()
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        }));
        return services;
    }
}
