using System.Text.Json.Serialization;

namespace Aderencia.Server;

/// <summary>Compile-time JSON metadata for the responses: no reflection on the request path.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MapResponse))]
[JsonSerializable(typeof(PairsResponse))]
[JsonSerializable(typeof(ThemesResponse))]
[JsonSerializable(typeof(UfInfo[]))]
[JsonSerializable(typeof(HealthResponse))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
