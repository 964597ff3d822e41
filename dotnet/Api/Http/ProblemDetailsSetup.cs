using System.Diagnostics;

namespace BffReference.Api.Http;

public static class ProblemDetailsSetup
{
    // ProblemDetailsDefaults has no entry for these two; the mock uses the same.
    private static readonly Dictionary<int, (string Type, string Title)> Missing = new()
    {
        [413] = ("https://tools.ietf.org/html/rfc9110#section-15.5.14", "Content Too Large"),
        [429] = ("https://tools.ietf.org/html/rfc6585#section-4", "Too Many Requests"),
    };

    /// <summary>Every error is RFC 9457 ProblemDetails with a W3C traceId; nothing else of an exception reaches the client.</summary>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Status is { } status && Missing.TryGetValue(status, out var known))
            {
                problem.Type ??= known.Type;
                problem.Title ??= known.Title;
            }
            // The same id the server's logs and traces carry, in traceparent form.
            problem.Extensions["traceId"] = Activity.Current?.Id ?? NewTraceParent();
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Malformed bodies and unbindable parameters throw, so they become ProblemDetails here rather than bare 400s.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseApiProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Unknown routes (404), wrong methods (405, with Allow) and other empty
        // error answers get a ProblemDetails body. Not JwtBearer's 401: its
        // body is empty by design and the reason is in WWW-Authenticate.
        app.UseStatusCodePages(async statusContext =>
        {
            var http = statusContext.HttpContext;
            if (http.Response.StatusCode is StatusCodes.Status401Unauthorized) return;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = http.Response.StatusCode },
            });
        });
        return app;
    }

    private static string NewTraceParent() => $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-00";
}
