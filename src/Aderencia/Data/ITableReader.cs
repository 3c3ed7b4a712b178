namespace Aderencia.Data;

/// <summary>Reads a tabular file batch by batch so memory stays bounded by one batch.</summary>
public interface ITableReader : IDisposable
{
    /// <summary>The file being read, for error messages.</summary>
    string Path { get; }

    TableSchema Schema { get; }

    /// <summary>Total rows when the format knows it up front (Parquet), otherwise null.</summary>
    long? RowCount { get; }

    /// <summary>Batches of rows in file order; <paramref name="columns"/> limits what is decoded (null = all).</summary>
    IEnumerable<Table> ReadBatches(IReadOnlyCollection<string>? columns = null);
}

/// <summary>Writes batches of one schema to a file; the file appears only when <see cref="Complete"/> succeeds.</summary>
public interface ITableWriter : IDisposable
{
    void Write(Table batch);

    /// <summary>Finishes the file and moves it into place atomically. Disposing without it discards the output.</summary>
    void Complete();
}
