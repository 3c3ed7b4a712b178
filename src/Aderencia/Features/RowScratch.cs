namespace Aderencia.Features;

/// <summary>
/// One worker's row under construction (unsorted column/value entries) and the finished rows it has committed,
/// sorted and merged, back to back in growing buffers.
/// </summary>
internal sealed class RowScratch
{
    private int[] _columns = new int[512];
    private float[] _values = new float[512];
    private int _count;
    private int _committed;

    public int Id { get; set; }

    public int[] OutColumns { get; private set; } = [];
    public float[] OutValues { get; private set; } = [];

    public void Clear() => _count = 0;

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

    /// <summary>Appends the current row, sorted by column with repeated columns summed, to the output buffers; returns where it went.</summary>
    public (int Offset, int Length) Commit()
    {
        var cols = _columns.AsSpan(0, _count);
        var vals = _values.AsSpan(0, _count);
        cols.Sort(vals);
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
        if (_committed + n > OutColumns.Length)
        {
            int size = Math.Max(_committed + n, Math.Max(4096, OutColumns.Length * 2));
            var c = OutColumns;
            var v = OutValues;
            Array.Resize(ref c, size);
            Array.Resize(ref v, size);
            OutColumns = c;
            OutValues = v;
        }
        cols[..n].CopyTo(OutColumns.AsSpan(_committed));
        vals[..n].CopyTo(OutValues.AsSpan(_committed));
        int offset = _committed;
        _committed += n;
        _count = 0;
        return (offset, n);
    }
}
