using System.Globalization;
using Aderencia.Data;

namespace Aderencia.Runs;

/// <summary>Writes run records as a table (.csv, .jsonl, .parquet; JSON columns as text) or as one pretty JSON array (.json).</summary>
public static class RunExport
{
    public static void Write(string path, IReadOnlyList<RunRecord> runs)
    {
        if (Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase))
            IO.AtomicFile.WriteAllText(path, RunJson.Serialize(runs));
        else
            TableFiles.WriteAll(path, ToTable(runs));
    }

    public static Table ToTable(IReadOnlyList<RunRecord> runs)
    {
        (string Name, DataKind Kind, Func<RunRecord, object?> Value)[] columns =
        [
            ("id", DataKind.String, r => r.Id.ToString()),
            ("started_at", DataKind.String, r => r.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            ("command", DataKind.String, r => r.Command),
            ("exit_code", DataKind.Int32, r => r.ExitCode),
            ("data_path", DataKind.String, r => r.DataPath),
            ("data_fingerprint", DataKind.String, r => r.DataFingerprint),
            ("model_path", DataKind.String, r => r.ModelPath),
            ("model_bytes", DataKind.Int64, r => r.ModelBytes),
            ("wall_s", DataKind.Double, r => r.WallSeconds),
            ("cpu_s", DataKind.Double, r => r.CpuSeconds),
            ("energy_kwh", DataKind.Double, r => r.EnergyKwh),
            ("emissions_kg", DataKind.Double, r => r.EmissionsKg),
            ("peak_working_set_bytes", DataKind.Int64, r => r.PeakWorkingSetBytes),
            ("aderencia_version", DataKind.String, r => r.ToolVersion),
            ("dotnet_version", DataKind.String, r => r.RuntimeVersion),
            ("os", DataKind.String, r => r.Os),
            ("cpu", DataKind.String, r => r.Cpu),
            ("config", DataKind.String, r => r.Config.ToJsonString()),
            ("metrics", DataKind.String, r => r.Metrics.ToJsonString()),
            ("costs", DataKind.String, r => RunJson.CostsToJson(r.Costs).ToJsonString()),
        ];
        var schema = new TableSchema(columns.Select(c => new ColumnSchema(c.Name, c.Kind)).ToArray());
        return new Table(schema, columns.Select((c, i) => new Column(schema[i], runs.Select(c.Value).ToArray())).ToArray());
    }
}
