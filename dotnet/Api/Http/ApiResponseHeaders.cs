using System.Text.RegularExpressions;

namespace BffReference.Api.Http;

/// <summary>
/// Headers every answer gets, set as the response starts so error handlers
/// cannot drop them: the caller's X-Request-Id echoed back (so the BFF's log
/// line and the API's can be matched), and Cache-Control: no-store under /api,
/// because every answer there is one user's data or tokens.
/// </summary>
public static partial class ApiResponseHeaders
{
    public static IApplicationBuilder UseApiResponseHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var requestId = http.Request.Headers["X-Request-Id"].ToString();
        http.Response.OnStarting(() =>
        {
            // Only a short plain id: the header must not carry anything else back.
            if (PlainId().IsMatch(requestId)) http.Response.Headers["X-Request-Id"] = requestId;
            if (http.Request.Path.StartsWithSegments("/api")) http.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(http);
    });

    [GeneratedRegex(@"^[\w.:-]{1,128}$")]
    private static partial Regex PlainId();
}
