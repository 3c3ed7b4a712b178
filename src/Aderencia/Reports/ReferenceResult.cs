using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aderencia.Reports;

/// <summary>
/// A published result of the challenge organizers (measured on the real data and their test split, so not
/// comparable with a run on another file or split). Null where the source gives no number.
/// </summary>
public sealed record ReferenceResult
{
    public required string Name { get; init; }
    public required double Accuracy { get; init; }
    [JsonPropertyName("macro_f1")] public required double MacroF1 { get; init; }
    [JsonPropertyName("weighted_f1")] public double? WeightedF1 { get; init; }
    /// <summary>F1 of BAIXA, MÉDIA, ALTA.</summary>
    public required double[] F1 { get; init; }
    [JsonPropertyName("train_seconds")] public double? TrainSeconds { get; init; }
    [JsonPropertyName("inference_seconds")] public double? InferenceSeconds { get; init; }
    [JsonPropertyName("train_kwh")] public double? TrainKwh { get; init; }
    [JsonPropertyName("inference_kwh")] public double? InferenceKwh { get; init; }
    /// <summary>Rows true B/M/A, columns predicted B/M/A, where published.</summary>
    public int[][]? Confusion { get; init; }

    public double? EnergyKwh => TrainKwh is { } t && InferenceKwh is { } i ? t + i : null;
}

/// <summary>The organizers' published table (Reports/reference-results.json, embedded), with where it comes from.</summary>
public sealed record ReferenceResults
{
    public required string Source { get; init; }
    public required string Note { get; init; }
    [JsonPropertyName("test_pairs")] public required int TestPairs { get; init; }
    [JsonPropertyName("carbon_kg_per_kwh")] public required double CarbonKgPerKwh { get; init; }
    public required IReadOnlyList<ReferenceResult> Results { get; init; }

    public double? SecondsPer100Pairs(ReferenceResult r) => r.InferenceSeconds is { } s ? s * 100 / TestPairs : null;

    public double? Co2Kg(ReferenceResult r) => r.EnergyKwh * CarbonKgPerKwh;

    private static readonly Lazy<ReferenceResults> Embedded = new(() =>
    {
        using var stream = typeof(ReferenceResults).Assembly.GetManifestResourceStream("reports/reference-results.json")
            ?? throw new InvalidOperationException("the library was built without reports/reference-results.json");
        return JsonSerializer.Deserialize<ReferenceResults>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException("reports/reference-results.json is empty");
    });

    public static ReferenceResults Published => Embedded.Value;
}
