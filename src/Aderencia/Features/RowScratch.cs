namespace Aderencia.Features;

/// <summary>
/// One worker's row under construction (unsorted column/value entries) and the finished rows it has committed,
/// sorted and merged, back to back in fixed-size chunks (no doubling slack, no copying as they grow).
/// </summary>
internal sealed class RowScratch
{
    private const int ChunkEntries = 1 << 18;
    private int[] _columns = new int[512];
    private float[] _values = new float[512];
    private int _count;
    private readonly List<int[]> _outColumns = [];
    private readonly List<float[]> _outValues = [];
    private int _used;

    public int Id { get; set; }

    private int _sortedPrefix;

    public void Clear() => _count = _sortedPrefix = 0;

    /// <summary>The entries added so far are in ascending column order and below every later one: only the rest is sorted.</summary>
    public void EndOfSortedPrefix() => _sortedPrefix = _count;

    public void Add(int column, float value)
    {
        if (_count == _columns.Length)
        {
            Array.Resize(ref _columns, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }
        _columns[_count] = column;
        _values[_count] = value;
        _count++;
    }

    /// <summary>Appends the current row, sorted by column with repeated columns summed; returns where it went.</summary>
    public (int Chunk, int Offset, int Length) Commit()
    {
        var cols = _columns.AsSpan(0, _count);
        var vals = _values.AsSpan(0, _count);
        cols[_sortedPrefix..].Sort(vals[_sortedPrefix..]);
        int n = 0;
        for (int i = 0; i < cols.Length; i++)
        {
            if (n > 0 && cols[n - 1] == cols[i]) vals[n - 1] += vals[i];
            else
            {
                cols[n] = cols[i];
                vals[n] = vals[i];
                n++;
            }
        }
        if (_outColumns.Count == 0 || _used + n > _outColumns[^1].Length)
        {
            int size = Math.Max(ChunkEntries, n);
            _outColumns.Add(new int[size]);
            _outValues.Add(new float[size]);
            _used = 0;
        }
        int chunk = _outColumns.Count - 1;
        cols[..n].CopyTo(_outColumns[chunk].AsSpan(_used));
        vals[..n].CopyTo(_outValues[chunk].AsSpan(_used));
        int offset = _used;
        _used += n;
        _count = _sortedPrefix = 0;
        return (chunk, offset, n);
    }

    public ReadOnlySpan<int> Columns(int chunk, int offset, int length) => _outColumns[chunk].AsSpan(offset, length);

    public ReadOnlySpan<float> Values(int chunk, int offset, int length) => _outValues[chunk].AsSpan(offset, length);
}
