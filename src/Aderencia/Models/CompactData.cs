using Aderencia.Features;

namespace Aderencia.Models;

/// <summary>
/// Training rows re-indexed onto the columns that actually occur (hashed spaces are mostly empty), held both
/// row-wise (for scores) and column-wise (so each gradient entry is summed by one thread in a fixed order).
/// </summary>
internal sealed class CompactData
{
    private CompactData(int[] original, int[] rowStart, int[] rowCol, float[] rowVal, int[]? colStart, int[]? colRow, float[]? colVal)
    {
        Original = original;
        RowStart = rowStart;
        RowCol = rowCol;
        RowVal = rowVal;
        ColStart = colStart;
        ColRow = colRow;
        ColVal = colVal;
    }

    /// <summary>Original column index of each compact column, ascending.</summary>
    public int[] Original { get; }
    public int[] RowStart { get; }
    public int[] RowCol { get; }
    public float[] RowVal { get; }
    public int[]? ColStart { get; }
    public int[]? ColRow { get; }
    public float[]? ColVal { get; }

    public int Rows => RowStart.Length - 1;
    public int Columns => Original.Length;

    /// <summary>Training data: picks the used columns and builds both layouts.</summary>
    public static CompactData ForTraining(SparseMatrix x)
    {
        var toCompact = new int[x.ColumnCount];
        long nnz = x.NonZeroCount;
        var idx = x.Indices;
        for (long j = 0; j < nnz; j++)
        {
            int c = idx[j];
            if ((uint)c >= (uint)x.ColumnCount) throw new ArgumentException($"feature index {c} is outside the matrix width {x.ColumnCount}");
            toCompact[c]++;
        }
        int used = 0;
        for (int c = 0; c < toCompact.Length; c++) if (toCompact[c] != 0) used++;
        var original = new int[used];
        var colStart = new int[used + 1];
        for (int c = 0, k = 0; c < toCompact.Length; c++)
        {
            if (toCompact[c] == 0) { toCompact[c] = -1; continue; }
            original[k] = c;
            colStart[k + 1] = colStart[k] + toCompact[c];
            toCompact[c] = k++;
        }

        var rowStart = x.RowStart.AsSpan(0, x.RowCount + 1).ToArray();
        var rowCol = new int[nnz];
        var rowVal = x.Values.AsSpan(0, (int)nnz).ToArray();
        for (long j = 0; j < nnz; j++) rowCol[j] = toCompact[idx[j]];

        var fill = colStart.AsSpan(0, used).ToArray();
        var colRow = new int[nnz];
        var colVal = new float[nnz];
        for (int r = 0; r < x.RowCount; r++)
            for (int j = rowStart[r]; j < rowStart[r + 1]; j++)
            {
                int at = fill[rowCol[j]]++;
                colRow[at] = r;
                colVal[at] = rowVal[j];
            }
        return new CompactData(original, rowStart, rowCol, rowVal, colStart, colRow, colVal);
    }

    /// <summary>Other rows (validation) in the same compact space; columns unseen in training are dropped (their weight is 0).</summary>
    public CompactData Project(SparseMatrix x)
    {
        var toCompact = new Dictionary<int, int>(Original.Length);
        for (int k = 0; k < Original.Length; k++) toCompact[Original[k]] = k;
        var rowStart = new int[x.RowCount + 1];
        var cols = new List<int>((int)x.NonZeroCount);
        var vals = new List<float>((int)x.NonZeroCount);
        for (int r = 0; r < x.RowCount; r++)
        {
            var ri = x.RowIndices(r);
            var rv = x.RowValues(r);
            for (int j = 0; j < ri.Length; j++)
                if (toCompact.TryGetValue(ri[j], out int k)) { cols.Add(k); vals.Add(rv[j]); }
            rowStart[r + 1] = cols.Count;
        }
        return new CompactData(Original, rowStart, cols.ToArray(), vals.ToArray(), null, null, null);
    }
}
