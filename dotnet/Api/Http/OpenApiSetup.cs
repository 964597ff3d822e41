using BffReference.Api.Auth;
using BffReference.Api.Demo;
using BffReference.Api.Goals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BffReference.Api.Http;

public static class OpenApiSetup
{
    // The schema names the mock's document uses, which the site's generated TypeScript refers to.
    private static readonly Dictionary<Type, string> SchemaNames = new()
    {
        [typeof(GoalResponse)] = "Goal",
        [typeof(UserResponse)] = "User",
        [typeof(DemoControlsResponse)] = "DemoControls",
        [typeof(DemoSessionResponse)] = "DemoSession",
        [typeof(HttpValidationProblemDetails)] = "ValidationProblemDetails",
    };

    public static IServiceCollection AddApiOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.CreateSchemaReferenceId = type =>
            SchemaNames.TryGetValue(type.Type, out var name) ? name : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Goals API (ASP.NET Core)",
                Version = "v1",
                Description = "The ASP.NET Core twin of the site's mock API. Errors are RFC 9457 ProblemDetails; see mocks/README.md.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT" };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] }];
            }
            return Task.CompletedTask;
        });
        // IsoDateTimeConverter hides DateTime from the schema generator; say what it writes.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(DateTime) || type == typeof(DateTime?))
            {
                schema.Type = type == typeof(DateTime) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
                schema.Format = "date-time";
            }
            return Task.CompletedTask;
        });
    });

    /// <summary>.NET 9+'s own path, and the one Swashbuckle used, which the site and its tools read.</summary>
    public static WebApplication MapApiOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapOpenApi("/swagger/{documentName}/swagger.json");
        return app;
    }
}
