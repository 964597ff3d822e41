using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace BffReference.Api.Http;

/// <summary>
/// Turns the framework's BadHttpRequestException (a body it could not read or
/// parse, a parameter it could not bind, a body over the size limit) into
/// ProblemDetails. Field errors are keyed by PascalCase property name, as
/// model validation keys them.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException outer) return false;
        // Kestrel's own refusal (413 for a chunked body over the limit) arrives wrapped in the binder's 400.
        var bad = outer.InnerException is BadHttpRequestException { StatusCode: not 400 } inner ? inner : outer;
        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = bad.StatusCode == StatusCodes.Status400BadRequest
            ? new HttpValidationProblemDetails(Errors(bad)) { Status = 400 }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = bad.StatusCode, Detail = Detail(bad.StatusCode, httpContext) };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static Dictionary<string, string[]> Errors(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            // Not JSON at all (the reader's own error, inside) → "$"; a value of the
            // wrong type at "$.latencyMs" → "LatencyMs", as model validation keys it.
            if (json.InnerException is JsonException || json.Path is null or "$") return new() { ["$"] = ["The JSON value could not be parsed."] };
            return new() { [PascalCase(json.Path.TrimStart('$', '.'))] = ["The JSON value could not be converted."] };
        }
        if (BindFailure().Match(bad.Message) is { Success: true } binding)
        {
            var name = PascalCase(binding.Groups["name"].Value);
            return new() { [name] = [$"{name} has an invalid value."] };
        }
        return new() { [""] = ["A non-empty request body is required."] };
    }

    private static string? Detail(int status, HttpContext http) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => $"The request body must not exceed {http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Options.HttpEdgeOptions>>().Value.MaxBodyBytes} bytes.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
        _ => null,
    };

    private static string PascalCase(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    // 'Failed to bind parameter "int? page" from "abc".'
    [GeneratedRegex("""^Failed to bind parameter "[^"]* (?<name>\w+)" from""")]
    private static partial Regex BindFailure();
}
