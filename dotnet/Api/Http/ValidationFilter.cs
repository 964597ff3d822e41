using System.ComponentModel.DataAnnotations;

namespace BffReference.Api.Http;

/// <summary>
/// Validates a body with its DataAnnotations and answers 400
/// ValidationProblemDetails keyed by the C# property names (PascalCase), as
/// ASP.NET Core model validation reports them. (.NET 10's AddValidation keys
/// errors by the JSON names instead, which the contract does not use.)
/// </summary>
public sealed class ValidationFilter<T> : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<T>().FirstOrDefault() is { } body)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(body, new ValidationContext(body), results, validateAllProperties: true))
            {
                var errors = results
                    .SelectMany(result => result.MemberNames.DefaultIfEmpty("").Select(member => (member, message: result.ErrorMessage ?? "")))
                    .GroupBy(error => error.member)
                    .ToDictionary(group => group.Key, group => group.Select(error => error.message).ToArray());
                return TypedResults.ValidationProblem(errors);
            }
        }
        return await next(context);
    }
}

public static class ValidationFilterExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
