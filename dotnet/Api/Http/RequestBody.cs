using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BffReference.Api.Http;

/// <summary>
/// A JSON request body. In one, null is not a value: a property is sent or
/// left out, as in the mock. The records still declare <c>string?</c> and
/// <c>int?</c>, because a missing field must reach the validator (which names
/// it in the 400) and a PATCH must tell "left out" from "sent"; this marker
/// keeps that C# detail out of the contract. JsonSetup refuses an explicit
/// null, and OpenApiSetup drops null from these schemas, so the document says
/// what the API accepts.
/// </summary>
public interface IRequestBody;

public static class RequestBodyNulls
{
    /// <summary>A System.Text.Json contract modifier: a setter that receives null refuses it.</summary>
    public static void Refuse(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !typeof(IRequestBody).IsAssignableFrom(info.Type)) return;
        foreach (var property in info.Properties)
        {
            if (property.Set is not { } set) continue;
            // Thrown while reading, so the serializer adds the path ($.title) that BadRequestExceptionHandler keys the error by.
            property.Set = (target, value) => set(target, value ?? throw new JsonException($"{property.Name} must not be null; leave it out instead."));
        }
    }
}
