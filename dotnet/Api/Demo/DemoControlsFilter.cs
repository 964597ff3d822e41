using BffReference.Api.Auth;
using BffReference.Api.Options;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Demo;

/// <summary>
/// Applies the caller's session's demo controls to a protected endpoint, after
/// the bearer token was verified: never to another session or an anonymous
/// caller. Order: latency, then "down", then the mutation failures. An injected
/// 500 comes before the handler runs, so the failed change is not saved.
/// </summary>
public sealed class DemoControlsFilter(DemoControlsStore store) : IEndpointFilter
{
    // Short on purpose: a client that honours it notices soon after the reader switches "down" off.
    private const int OutageRetryAfterSeconds = 5;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.SessionId() is not { } sessionId || store.Current(sessionId) is not { } before) return await next(context);

        // 1. Latency first, so a failure below arrives as late as a real one would. Hanging up ends the wait.
        if (before.LatencyMs > 0) await Task.Delay(before.LatencyMs, http.RequestAborted);

        // 2. Read again: the reader may have reset the controls while this request waited.
        if (store.Current(sessionId) is not { } settings) return await next(context);
        if (settings.Down)
        {
            http.Response.Headers.RetryAfter = OutageRetryAfterSeconds.ToString();
            return TypedResults.Problem("The API is down on purpose: the demo controls of this session say so.", statusCode: 503);
        }

        // 3. Mutations: the counted failures first, then the share.
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
        {
            return await next(context);
        }
        if (store.TakeCountedFailure(sessionId) || (settings.FailureRate > 0 && Random.Shared.NextDouble() < settings.FailureRate))
        {
            // A real unexpected 500 carries only a traceId; this one says it was asked for.
            return TypedResults.Problem("Failure injected on purpose by the demo controls of this session.", statusCode: 500);
        }
        return await next(context);
    }
}

public static class DemoControlsFilterExtensions
{
    /// <summary>Only when the Demo option is on; a real API has no such thing.</summary>
    public static RouteGroupBuilder WithDemoControls(this RouteGroupBuilder group)
    {
        var demo = ((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.Enabled) group.AddEndpointFilter<DemoControlsFilter>().ProducesProblem(503);
        return group;
    }
}
