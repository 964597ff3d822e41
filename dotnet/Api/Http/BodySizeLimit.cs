using BffReference.Api.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Http;

public static class BodySizeLimit
{
    /// <summary>Kestrel's own limit counts the bytes of every body, chunked ones included, while they are read.</summary>
    public static WebApplicationBuilder AddBodySizeLimit(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue($"{HttpEdgeOptions.Section}:MaxBodyBytes", new HttpEdgeOptions().MaxBodyBytes));
        return builder;
    }

    /// <summary>
    /// An honest oversized request (its Content-Length says so) is refused
    /// unread with 413, whichever server hosts the app (the test server has no
    /// Kestrel limit); the rest is up to the limit above. An endpoint that
    /// declares its own limit (the upload, IRequestSizeLimitMetadata) gets that one.
    /// </summary>
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var max = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? http.RequestServices.GetRequiredService<IOptions<HttpEdgeOptions>>().Value.MaxBodyBytes;
        if (http.Request.ContentLength > max)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Detail = $"The request body must not exceed {max} bytes." },
            });
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = max;
        await next(http);
    });
}
