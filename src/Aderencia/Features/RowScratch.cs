namespace Aderencia.Features;

/// <summary>
/// One worker's row under construction: a prefix of entries already in ascending column order (dense features and
/// their bins), then hashed entries in any order, packed as column &lt;&lt; 32 | value bits so one plain ulong sort
/// orders them by column.
/// </summary>
internal sealed class RowScratch
{
    private int[] _columns = new int[128];
    private float[] _values = new float[128];
    private int _prefix;
    private ulong[] _hashed = new ulong[512];
    private int _count;

    public void Clear() => _prefix = _count = 0;

    /// <summary>An entry of the sorted prefix: columns ascending, below every hashed entry.</summary>
    public void AddSorted(int column, float value)
    {
        if (_prefix == _columns.Length)
        {
            Array.Resize(ref _columns, _prefix * 2);
            Array.Resize(ref _values, _prefix * 2);
        }
        _columns[_prefix] = column;
        _values[_prefix] = value;
        _prefix++;
    }

    public void Add(int column, float value)
    {
        if (_count == _hashed.Length) Array.Resize(ref _hashed, _count * 2);
        _hashed[_count++] = (ulong)(uint)column << 32 | BitConverter.SingleToUInt32Bits(value);
    }

    /// <summary>Entries the row can hold at most once finished (before repeated columns are merged).</summary>
    public int Count => _prefix + _count;

    /// <summary>Writes the row, sorted by column with repeated columns summed, and returns its length.</summary>
    public int CopyTo(Span<int> columns, Span<float> values)
    {
        _columns.AsSpan(0, _prefix).CopyTo(columns);
        _values.AsSpan(0, _prefix).CopyTo(values);
        var hashed = _hashed.AsSpan(0, _count);
        hashed.Sort();
        int n = _prefix;
        foreach (ulong e in hashed)
        {
            int column = (int)(e >> 32);
            float value = BitConverter.UInt32BitsToSingle((uint)e);
            if (n > 0 && columns[n - 1] == column) values[n - 1] += value;
            else
            {
                columns[n] = column;
                values[n] = value;
                n++;
            }
        }
        Clear();
        return n;
    }
}
