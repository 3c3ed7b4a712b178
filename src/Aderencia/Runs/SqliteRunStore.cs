using Microsoft.Data.Sqlite;

namespace Aderencia.Runs;

/// <summary>The default registry: one SQLite file in write-ahead-log mode, so concurrent commands append without blocking readers.</summary>
public sealed class SqliteRunStore : SqlRunStore
{
    private const int BusyTimeoutMs = 10_000;

    private SqliteRunStore(SqliteConnection connection, string path) : base(connection, path) { }

    public static SqliteRunStore Open(string path)
    {
        var full = Path.GetFullPath(path);
        SqliteConnection? connection = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            SQLitePCL.Batteries_V2.Init();
            connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = full,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = BusyTimeoutMs / 1000,
            }.ToString());
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
                pragma.ExecuteNonQuery();
            }
            return new SqliteRunStore(connection, full);
        }
        catch (SqliteException e)
        {
            connection?.Dispose();
            var what = e.SqliteErrorCode is 26 or 11 // SQLITE_NOTADB, SQLITE_CORRUPT
                ? "is not a readable SQLite database (corrupt, or another kind of file)"
                : $"cannot be opened ({e.Message})";
            throw new RunStoreException($"runs registry {full} {what}; move it aside or point ADERENCIA_RUNS_DB / --runs-db at another file.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw new RunStoreException($"runs registry {full} cannot be created ({e.Message}); point ADERENCIA_RUNS_DB / --runs-db at a writable file.", e);
        }
    }
}
