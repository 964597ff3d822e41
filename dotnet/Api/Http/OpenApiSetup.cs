using BffReference.Api.Attachments;
using BffReference.Api.Auth;
using BffReference.Api.Demo;
using BffReference.Api.Goals;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BffReference.Api.Http;

public static class OpenApiSetup
{
    // The schema names the mock's document uses, which the site's generated TypeScript refers to.
    private static readonly Dictionary<Type, string> SchemaNames = new()
    {
        [typeof(GoalResponse)] = "Goal",
        [typeof(UploadGrantResponse)] = "UploadGrant",
        [typeof(AttachmentResponse)] = "Attachment",
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
        options.AddSchemaTransformer(RequestBodiesWithoutNull);
        options.AddDocumentTransformer(RequestBodyReferencesWithoutNull);
        options.AddSchemaTransformer(ProblemDetailsAsWritten);
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // JsonStringEnumConverter writes strings; say so, or generators type the enum as unknown.
            if (context.JsonTypeInfo.Type.IsEnum) schema.Type = JsonSchemaType.String;
            // [EmailAddress] is checked, but the generator does not state it.
            if (context.JsonPropertyInfo?.AttributeProvider?.IsDefined(typeof(EmailAddressAttribute), inherit: true) == true) schema.Format = "email";
            return Task.CompletedTask;
        });
    });

    /// <summary>
    /// A request property is sent or left out, never null (IRequestBody): the
    /// records' <c>string?</c> and <c>int?</c> mean "may be missing", which the
    /// generator would otherwise publish as <c>string | null</c>.
    /// </summary>
    private static Task RequestBodiesWithoutNull(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonPropertyInfo?.DeclaringType is { } declaring && typeof(IRequestBody).IsAssignableFrom(declaring))
        {
            if (schema.Type is { } type && type != JsonSchemaType.Null) schema.Type = type & ~JsonSchemaType.Null;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The same for a nullable enum (<c>GoalStatus?</c>), which the generator
    /// wraps in oneOf [null, $ref] only after the schema transformers ran.
    /// </summary>
    private static Task RequestBodyReferencesWithoutNull(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var requestBodies = typeof(IRequestBody).Assembly.GetTypes().Where(type => type.IsAssignableTo(typeof(IRequestBody)) && !type.IsInterface).Select(type => type.Name);
        foreach (var name in requestBodies)
        {
            if (document.Components?.Schemas is not { } schemas || !schemas.TryGetValue(name, out var schema)) continue;
            if (schema is not OpenApiSchema { Properties: { } properties }) continue;
            foreach (var (key, property) in properties.ToList())
            {
                if (property is OpenApiSchema { OneOf: [{ Type: JsonSchemaType.Null }, var referenced] } && referenced is OpenApiSchemaReference)
                {
                    properties[key] = referenced;
                }
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The framework's ProblemDetails class allows every member to be null, but
    /// this API's AddProblemDetails (ProblemDetailsSetup) always writes type,
    /// title, status and a traceId, and ValidationProblemDetails always has
    /// errors. The document says so, as the mock's does, so a client need not
    /// null-check what is always there.
    /// </summary>
    private static Task ProblemDetailsAsWritten(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (type != typeof(ProblemDetails) && type != typeof(HttpValidationProblemDetails)) return Task.CompletedTask;
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["type"] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Properties["title"] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Properties["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
        schema.Properties["detail"] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Properties.Remove("instance"); // never written: the path is in the logs, with the traceId
        schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "W3C traceparent of the request, as in the server's logs." };
        schema.Required = new HashSet<string> { "type", "title", "status", "traceId" };
        if (type == typeof(HttpValidationProblemDetails))
        {
            schema.Required.Add("errors");
            if (schema.Properties.TryGetValue("errors", out var errors) && errors is OpenApiSchema errorsSchema)
            {
                errorsSchema.Description = "Messages keyed by the PascalCase property name, as ASP.NET Core model validation reports them.";
            }
        }
        // Extensions (traceId and any other) are written as top-level members.
        schema.AdditionalPropertiesAllowed = true;
        schema.AdditionalProperties = new OpenApiSchema();
        return Task.CompletedTask;
    }

    /// <summary>.NET 9+'s own path, and the one Swashbuckle used, which the site and its tools read.</summary>
    public static WebApplication MapApiOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapOpenApi("/swagger/{documentName}/swagger.json");
        return app;
    }
}
