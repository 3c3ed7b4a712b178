using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Aderencia.Runs;

/// <summary>
/// <see cref="IRunStore"/> over any ADO.NET connection whose SQL accepts <see cref="RunSchema"/> and @name parameters
/// (SQLite, PostgreSQL). Creates the schema when missing, inside one transaction so concurrent first runs agree.
/// </summary>
public class SqlRunStore : IRunStore
{
    private readonly DbConnection _connection;

    /// <param name="lockSchemaSql">Run first inside the schema transaction, to serialise concurrent creators where the engine needs it.</param>
    protected SqlRunStore(DbConnection connection, string location, string? lockSchemaSql = null)
    {
        _connection = connection;
        Location = location;
        using var tx = connection.BeginTransaction();
        if (lockSchemaSql is not null) Execute(lockSchemaSql, tx);
        foreach (var sql in RunSchema.Create) Execute(sql, tx);
        using (var cmd = Command("SELECT value FROM meta WHERE key = 'schema_version'", tx))
        {
            var found = Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (!int.TryParse(found, NumberStyles.None, CultureInfo.InvariantCulture, out int version) || version > RunSchema.Version)
                throw new RunStoreException(
                    $"runs registry {location} has schema version '{found}', and this aderencia reads version {RunSchema.Version} or older; " +
                    "upgrade aderencia or point ADERENCIA_RUNS_DB / --runs-db at another registry.");
        }
        tx.Commit();
    }

    public string Location { get; }

    public void Add(RunRecord run)
    {
        using var cmd = Command(
            $"INSERT INTO runs ({RunSchema.Columns}) VALUES (@id, @started_at, @command, @exit_code, @config, @data_path, @data_fingerprint, " +
            "@metrics, @costs, @wall_s, @cpu_s, @energy_kwh, @emissions_kg, @peak, @model_path, @model_bytes, @version, @dotnet, @os, @cpu)");
        Parameter(cmd, "id", run.Id.ToString());
        Parameter(cmd, "started_at", run.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        Parameter(cmd, "command", run.Command);
        Parameter(cmd, "exit_code", run.ExitCode);
        Parameter(cmd, "config", run.Config.ToJsonString());
        Parameter(cmd, "data_path", run.DataPath);
        Parameter(cmd, "data_fingerprint", run.DataFingerprint);
        Parameter(cmd, "metrics", run.Metrics.ToJsonString());
        Parameter(cmd, "costs", RunJson.CostsToJson(run.Costs).ToJsonString());
        Parameter(cmd, "wall_s", run.WallSeconds);
        Parameter(cmd, "cpu_s", run.CpuSeconds);
        Parameter(cmd, "energy_kwh", run.EnergyKwh);
        Parameter(cmd, "emissions_kg", run.EmissionsKg);
        Parameter(cmd, "peak", run.PeakWorkingSetBytes);
        Parameter(cmd, "model_path", run.ModelPath);
        Parameter(cmd, "model_bytes", run.ModelBytes);
        Parameter(cmd, "version", run.ToolVersion);
        Parameter(cmd, "dotnet", run.RuntimeVersion);
        Parameter(cmd, "os", run.Os);
        Parameter(cmd, "cpu", run.Cpu);
        cmd.ExecuteNonQuery();
    }

    public IReadOnlyList<RunRecord> List(RunQuery query)
    {
        if (query.Limit is < 0) throw new ArgumentOutOfRangeException(nameof(query), "the limit must not be negative");
        using var cmd = Command(
            $"SELECT {RunSchema.Columns} FROM runs" + (query.Command is null ? "" : " WHERE command = @command") +
            " ORDER BY started_at DESC, id" + (query.Limit is null ? "" : " LIMIT @limit"));
        if (query.Command is not null) Parameter(cmd, "command", query.Command);
        if (query.Limit is { } limit) Parameter(cmd, "limit", limit);
        return ReadAll(cmd);
    }

    public RunRecord? Find(string idOrPrefix)
    {
        var prefix = idOrPrefix.Trim().ToLowerInvariant();
        if (prefix.Length == 0 || prefix.AsSpan().ContainsAnyExcept("0123456789abcdef-"))
            throw new ArgumentException($"'{idOrPrefix}' is not a run id; `aderencia runs list` shows them");
        using var cmd = Command($"SELECT {RunSchema.Columns} FROM runs WHERE id LIKE @prefix ORDER BY started_at DESC LIMIT 2");
        Parameter(cmd, "prefix", prefix + "%");
        var found = ReadAll(cmd);
        if (found.Count > 1)
            throw new ArgumentException($"run id prefix '{idOrPrefix}' matches several runs ({found[0].Id}, {found[1]. Id}, …); give more digits");
        return found.Count == 1 ? found[0] : null;
    }

    public void Dispose()
    {
        _connection.Dispose();
        GC.SuppressFinalize(this);
    }

    private static List<RunRecord> ReadAll(DbCommand cmd)
    {
        var runs = new List<RunRecord>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) runs.Add(ReadRow(reader));
        return runs;
    }

    private static RunRecord ReadRow(DbDataReader r)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        JsonObject Json(int i) => JsonNode.Parse(r.GetString(i)) as JsonObject ?? new JsonObject();
        return new RunRecord
        {
            Id = Guid.Parse(r.GetString(0)),
            StartedAt = DateTime.Parse(r.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            Command = r.GetString(2),
            ExitCode = Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture),
            Config = Json(4),
            DataPath = Text(5),
            DataFingerprint = Text(6),
            Metrics = Json(7),
            Costs = RunJson.CostsFromJson(r.GetString(8)),
            ModelPath = Text(14),
            ModelBytes = r.IsDBNull(15) ? null : Convert.ToInt64(r.GetValue(15), CultureInfo.InvariantCulture),
            ToolVersion = r.GetString(16),
            RuntimeVersion = r.GetString(17),
            Os = r.GetString(18),
            Cpu = r.GetString(19),
        };
    }

    private void Execute(string sql, DbTransaction tx)
    {
        using var cmd = Command(sql, tx);
        cmd.ExecuteNonQuery();
    }

    private DbCommand Command(string sql, DbTransaction? tx = null)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private static void Parameter(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        if (value is null) p.DbType = DbType.String;
        cmd.Parameters.Add(p);
    }
}
