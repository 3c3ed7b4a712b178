using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Aderencia.Cost;

namespace Aderencia.Runs;

/// <summary>The JSON of a run record (what `runs show` prints and `runs export --output x.json` writes) and of its costs.</summary>
public static class RunJson
{
    private static readonly JsonSerializerOptions CostOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    public static JsonObject ToJson(RunRecord r) => new()
    {
        ["id"] = r.Id.ToString(),
        ["started_at"] = r.StartedAt.ToString("O", CultureInfo.InvariantCulture),
        ["command"] = r.Command,
        ["exit_code"] = r.ExitCode,
        ["data_path"] = r.DataPath,
        ["data_fingerprint"] = r.DataFingerprint,
        ["model_path"] = r.ModelPath,
        ["model_bytes"] = r.ModelBytes,
        ["wall_s"] = r.WallSeconds,
        ["cpu_s"] = r.CpuSeconds,
        ["energy_kwh"] = r.EnergyKwh,
        ["emissions_kg"] = r.EmissionsKg,
        ["peak_working_set_bytes"] = r.PeakWorkingSetBytes,
        ["versions"] = new JsonObject
        {
            ["aderencia"] = r.ToolVersion,
            ["dotnet"] = r.RuntimeVersion,
            ["os"] = r.Os,
            ["cpu"] = r.Cpu,
        },
        ["config"] = r.Config.DeepClone(),
        ["metrics"] = r.Metrics.DeepClone(),
        ["costs"] = CostsToJson(r.Costs),
    };

    public static string Serialize(IEnumerable<RunRecord> runs) =>
        new JsonArray(runs.Select(r => (JsonNode)ToJson(r)).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public static JsonArray CostsToJson(IReadOnlyList<CostMeasurement> costs) =>
        JsonSerializer.SerializeToNode(costs, CostOptions)!.AsArray();

    public static IReadOnlyList<CostMeasurement> CostsFromJson(string json) =>
        JsonSerializer.Deserialize<List<CostMeasurement>>(json, CostOptions) ?? [];
}
