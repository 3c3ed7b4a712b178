using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization;

namespace Aderencia.Server;

/// <summary>Compile-time JSON metadata for the responses: no reflection on the request path.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MapResponse))]
[JsonSerializable(typeof(PairsResponse))]
[JsonSerializable(typeof(ThemesResponse))]
[JsonSerializable(typeof(UfInfo[]))]
[JsonSerializable(typeof(HealthResponse))]
internal sealed partial class ServerJsonContext : JsonSerializerContext
{
    /// <summary>Accented Portuguese written as is (only HTML-sensitive characters escaped).</summary>
    public static ServerJsonContext Api { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
