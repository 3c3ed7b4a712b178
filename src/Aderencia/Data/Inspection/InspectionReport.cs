using System.Text.Json.Serialization;

namespace Aderencia.Data.Inspection;

public sealed record ColumnSummary(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("nulls")] long Nulls,
    [property: JsonPropertyName("distinct")] long? Distinct);

public sealed record LengthPercentiles(
    [property: JsonPropertyName("column")] string Column,
    [property: JsonPropertyName("p05")] int P05,
    [property: JsonPropertyName("p50")] int P50,
    [property: JsonPropertyName("p95")] int P95,
    [property: JsonPropertyName("max")] int Max,
    [property: JsonPropertyName("empty")] long Empty);

public sealed record PairsPerThesis(
    [property: JsonPropertyName("theses")] int Theses,
    [property: JsonPropertyName("min")] int Min,
    [property: JsonPropertyName("median")] double Median,
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("max")] int Max);

/// <summary>What `aderencia data inspect` reports about a file.</summary>
public sealed record InspectionReport
{
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("format")] public required string Format { get; init; }
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("rows")] public required long Rows { get; init; }
    [JsonPropertyName("columns")] public required IReadOnlyList<ColumnSummary> Columns { get; init; }
    [JsonPropertyName("labels")] public IReadOnlyDictionary<string, long>? Labels { get; init; }
    [JsonPropertyName("themes_per_uf")] public IReadOnlyDictionary<string, int>? ThemesPerUf { get; init; }
    [JsonPropertyName("theses_per_uf")] public IReadOnlyDictionary<string, int>? ThesesPerUf { get; init; }
    [JsonPropertyName("pairs_per_thesis")] public PairsPerThesis? PairsPerThesis { get; init; }
    [JsonPropertyName("text_lengths")] public IReadOnlyList<LengthPercentiles>? TextLengths { get; init; }
    [JsonPropertyName("read_seconds")] public double ReadSeconds { get; init; }
}
