using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BffReference.Api.Http;

public static class JsonSetup
{
    /// <summary>The JSON the site's generated TypeScript expects; each change says why.</summary>
    public static IServiceCollection AddApiJson(this IServiceCollection services) => services.ConfigureHttpJsonOptions(options =>
    {
        var json = options.SerializerOptions;
        // The web defaults accept "42" for a number, and the OpenAPI document then
        // types every number as `number | string`. The contract has plain numbers.
        json.NumberHandling = JsonNumberHandling.Strict;
        // "active" / "completed", as the TypeScript union; never 0 / 1.
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new IsoDateTimeConverter());
        // Deep nesting is refused long before it costs anything (the reader's own limit).
        json.MaxDepth = 32;
        // Request bodies never carry null (see IRequestBody).
        json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequestBodyNulls.Refuse);
    });

    /// <summary>
    /// Always yyyy-MM-ddTHH:mm:ss.fffZ, as JavaScript's toISOString writes it:
    /// the default trims trailing zeros, and then ISO strings of one list no
    /// longer sort the same as the times they stand for.
    /// </summary>
    public sealed class IsoDateTimeConverter : JsonConverter<DateTime>
    {
        private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture));
    }
}
