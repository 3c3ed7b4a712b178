namespace Aderencia.Runs;

/// <summary>Where run records live: a SQLite file or a PostgreSQL database, same schema.</summary>
public interface IRunStore : IDisposable
{
    /// <summary>The file or server, for messages (no password).</summary>
    string Location { get; }

    void Add(RunRecord run);

    IReadOnlyList<RunRecord> List(RunQuery query);

    /// <summary>The run whose id is or starts with <paramref name="idOrPrefix"/>; null when none. Throws when the prefix is ambiguous.</summary>
    RunRecord? Find(string idOrPrefix);
}
