using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace BffReference.Api.Data;

/// <summary>
/// PostgreSQL only: its text cannot hold U+0000, which JSON can carry ("\u0000")
/// and SQLite stores. A request that sends one in a stored or looked-up field
/// (a description, a name, an email) is bad input, so it gets a 400, never the
/// 500 the server's refusal would otherwise become.
/// </summary>
public sealed class UnstorableTextExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnstorableText(exception)) return false;
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["$"] = ["Text must not contain the character U+0000."] })
        {
            Status = StatusCodes.Status400BadRequest,
        };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Queries throw the server's error as it is; SaveChanges wraps it in a DbUpdateException.</summary>
    public static bool IsUnstorableText(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter }) return true;
        }
        return false;
    }
}
