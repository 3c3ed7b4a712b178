namespace Aderencia.Runs;

/// <summary>
/// The registry's tables, in SQL that SQLite and PostgreSQL both accept. Times are ISO 8601 UTC text (sortable);
/// config, metrics and costs are JSON text. <see cref="Version"/> is kept in <c>meta</c>; a store refuses a newer one.
/// </summary>
internal static class RunSchema
{
    public const int Version = 1;

    public static readonly string[] Create =
    [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS runs (
            id TEXT PRIMARY KEY,
            started_at TEXT NOT NULL,
            command TEXT NOT NULL,
            exit_code INTEGER NOT NULL,
            config TEXT NOT NULL,
            data_path TEXT,
            data_fingerprint TEXT,
            metrics TEXT NOT NULL,
            costs TEXT NOT NULL,
            wall_s DOUBLE PRECISION NOT NULL,
            cpu_s DOUBLE PRECISION NOT NULL,
            energy_kwh DOUBLE PRECISION NOT NULL,
            emissions_kg DOUBLE PRECISION NOT NULL,
            peak_working_set_bytes BIGINT NOT NULL,
            model_path TEXT,
            model_bytes BIGINT,
            aderencia_version TEXT NOT NULL,
            dotnet_version TEXT NOT NULL,
            os TEXT NOT NULL,
            cpu TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS runs_started_at ON runs (started_at)",
        $"INSERT INTO meta (key, value) VALUES ('schema_version', '{Version}') ON CONFLICT (key) DO NOTHING",
    ];

    public const string Columns =
        "id, started_at, command, exit_code, config, data_path, data_fingerprint, metrics, costs, wall_s, cpu_s, energy_kwh, " +
        "emissions_kg, peak_working_set_bytes, model_path, model_bytes, aderencia_version, dotnet_version, os, cpu";
}
