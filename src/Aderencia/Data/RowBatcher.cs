namespace Aderencia.Data;

/// <summary>Collects converted rows of the requested columns and cuts them into <see cref="Table"/> batches (text readers).</summary>
internal sealed class RowBatcher
{
    private readonly List<object?>[] _buffers;
    private readonly int _batchSize;

    /// <summary>Resolves <paramref name="columns"/> (null = all) against <paramref name="full"/>, naming an unknown one.</summary>
    public RowBatcher(TableSchema full, IReadOnlyCollection<string>? columns, int batchSize, string path)
    {
        Wanted = columns is null
            ? Enumerable.Range(0, full.Count).ToArray()
            : columns.Select(n => full.IndexOf(n) is var i and >= 0 ? i
                : throw new DataFormatException(path, $"no column '{n}'; columns are: {string.Join(", ", full.Columns.Select(c => c.Name))}")).ToArray();
        Schema = new TableSchema(Wanted.Select(i => full[i]).ToArray());
        _batchSize = batchSize;
        _buffers = Wanted.Select(_ => new List<object?>(batchSize)).ToArray();
    }

    /// <summary>Positions in the full schema of the columns kept, in output order.</summary>
    public int[] Wanted { get; }

    public TableSchema Schema { get; }

    public bool IsFull => _buffers.Length > 0 && _buffers[0].Count >= _batchSize;
    public bool IsEmpty => _buffers.Length == 0 || _buffers[0].Count == 0;

    /// <summary>Adds one row: values in the order of <see cref="Wanted"/>.</summary>
    public void Add(ReadOnlySpan<object?> values)
    {
        for (int k = 0; k < _buffers.Length; k++) _buffers[k].Add(values[k]);
    }

    public Table Flush()
    {
        var cols = new Column[_buffers.Length];
        for (int k = 0; k < _buffers.Length; k++)
        {
            cols[k] = new Column(Schema[k], _buffers[k].ToArray());
            _buffers[k].Clear();
        }
        return new Table(Schema, cols);
    }
}
