namespace Aderencia.Features;

/// <summary>Rows of (feature index, value) pairs in compressed sparse row form: the input of every learner.</summary>
/// <remarks>Row r's entries are Indices[RowStart[r]..RowStart[r+1]] with values Values[same range].
/// Indices within a row are distinct; their order is not significant.</remarks>
public sealed class SparseMatrix
{
    public SparseMatrix(int[] rowStart, int[] indices, float[] values, int columnCount)
    {
        if (rowStart.Length == 0 || rowStart[0] != 0) throw new ArgumentException("rowStart must start at 0");
        if (indices.Length < rowStart[^1] || values.Length < rowStart[^1]) throw new ArgumentException("indices/values shorter than rowStart says");
        RowStart = rowStart;
        Indices = indices;
        Values = values;
        ColumnCount = columnCount;
    }

    public int[] RowStart { get; }
    public int[] Indices { get; }
    public float[] Values { get; }

    /// <summary>Width of the feature space (all indices are below it).</summary>
    public int ColumnCount { get; }

    public int RowCount => RowStart.Length - 1;
    public long NonZeroCount => RowStart[^1];

    public ReadOnlySpan<int> RowIndices(int row) => Indices.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);
    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);

    /// <summary>A matrix of the given rows, in the given order.</summary>
    public SparseMatrix SelectRows(ReadOnlySpan<int> rows)
    {
        var start = new int[rows.Length + 1];
        for (int i = 0; i < rows.Length; i++)
            start[i + 1] = start[i] + (RowStart[rows[i] + 1] - RowStart[rows[i]]);
        var idx = new int[start[^1]];
        var val = new float[start[^1]];
        for (int i = 0; i < rows.Length; i++)
        {
            RowIndices(rows[i]).CopyTo(idx.AsSpan(start[i]));
            RowValues(rows[i]).CopyTo(val.AsSpan(start[i]));
        }
        return new SparseMatrix(start, idx, val, ColumnCount);
    }
}

/// <summary>Appends rows one at a time, growing pooled-size arrays geometrically.</summary>
public sealed class SparseMatrixBuilder
{
    private int[] _rowStart;
    private int[] _indices;
    private float[] _values;
    private int _rows;

    public SparseMatrixBuilder(int columnCount, int expectedRows = 1024, int expectedNonZeros = 65536)
    {
        ColumnCount = columnCount;
        _rowStart = new int[expectedRows + 1];
        _indices = new int[expectedNonZeros];
        _values = new float[expectedNonZeros];
    }

    public int ColumnCount { get; }
    public int RowCount => _rows;

    public void AddRow(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        if (indices.Length != values.Length) throw new ArgumentException("indices and values differ in length");
        int at = _rowStart[_rows];
        int end = at + indices.Length;
        if (end > _indices.Length)
        {
            int size = Math.Max(end, _indices.Length * 2);
            Array.Resize(ref _indices, size);
            Array.Resize(ref _values, size);
        }
        if (_rows + 2 > _rowStart.Length) Array.Resize(ref _rowStart, _rowStart.Length * 2);
        indices.CopyTo(_indices.AsSpan(at));
        values.CopyTo(_values.AsSpan(at));
        _rows++;
        _rowStart[_rows] = end;
    }

    public SparseMatrix Build()
    {
        int nnz = _rowStart[_rows];
        return new SparseMatrix(_rowStart.AsSpan(0, _rows + 1).ToArray(), _indices.AsSpan(0, nnz).ToArray(), _values.AsSpan(0, nnz).ToArray(), ColumnCount);
    }
}
