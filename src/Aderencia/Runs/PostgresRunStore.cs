using Npgsql;

namespace Aderencia.Runs;

/// <summary>A shared registry on a PostgreSQL server; the same schema as the SQLite file, created when missing.</summary>
public sealed class PostgresRunStore : SqlRunStore
{
    // Two first runs creating the tables at once would race in the catalog; a transaction-scoped advisory lock orders them.
    private const string SchemaLock = "SELECT pg_advisory_xact_lock(4242001)";

    private PostgresRunStore(NpgsqlConnection connection, string location) : base(connection, location, SchemaLock) { }

    /// <param name="target">A postgres:// or postgresql:// URL, or an Npgsql connection string (Host=…;Database=…).</param>
    public static PostgresRunStore Open(string target)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUrl.IsUrl(target) ? PostgresUrl.ToConnectionString(target) : target);
        var location = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        NpgsqlConnection? connection = null;
        try
        {
            connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return new PostgresRunStore(connection, location);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            connection?.Dispose();
            throw new RunStoreException($"runs registry {location} cannot be reached ({e.Message}); check ADERENCIA_RUNS_DB / --runs-db.", e);
        }
    }
}
