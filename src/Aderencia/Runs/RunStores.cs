namespace Aderencia.Runs;

/// <summary>Where the registry is: --runs-db, else ADERENCIA_RUNS_DB, else runs.db in the user's data folder.</summary>
public static class RunStores
{
    public const string DatabaseVariable = "ADERENCIA_RUNS_DB";
    public const string DisableVariable = "ADERENCIA_NO_RUNS";

    /// <summary>True when ADERENCIA_NO_RUNS is 1 or true.</summary>
    public static bool DisabledByEnvironment =>
        Environment.GetEnvironmentVariable(DisableVariable) is { } v && (v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>The explicit target if given, else the environment's, else <see cref="DefaultSqlitePath"/>.</summary>
    public static string ResolveTarget(string? explicitTarget = null) =>
        !string.IsNullOrWhiteSpace(explicitTarget) ? explicitTarget
        : Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } env ? env
        : DefaultSqlitePath;

    /// <summary>$XDG_DATA_HOME/aderencia/runs.db, ~/.local/share/aderencia/runs.db, or LocalApplicationData\aderencia\runs.db on Windows.</summary>
    public static string DefaultSqlitePath
    {
        get
        {
            string root;
            if (OperatingSystem.IsWindows()) root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            else if (Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)) root = xdg;
            else root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            return Path.Combine(root, "aderencia", "runs.db");
        }
    }

    /// <summary>True for a postgres:// URL or an Npgsql connection string (it names a Host).</summary>
    public static bool IsPostgres(string target) =>
        PostgresUrl.IsUrl(target) || (target.Contains('=') && target.Contains("host", StringComparison.OrdinalIgnoreCase));

    public static IRunStore Open(string target) =>
        IsPostgres(target) ? PostgresRunStore.Open(target) : SqliteRunStore.Open(target);
}
