using Aderencia.Features;

namespace Aderencia.Models;

/// <summary>
/// Training rows re-indexed onto the columns that actually occur (hashed spaces are mostly empty), held both
/// column-wise for training (the weights are then streamed in order) or row-wise for scoring other rows.
/// </summary>
internal sealed class CompactData
{
    /// <summary>One stored value of a column: its row and value, kept together so a scan touches one cache line.</summary>
    public readonly record struct Entry(int Row, float Value);

    private CompactData(int rows, int[] original, int[]? rowStart, int[]? rowCol, float[]? rowVal, int[]? colStart, Entry[]? colEntries)
    {
        Rows = rows;
        Original = original;
        RowStart = rowStart;
        RowCol = rowCol;
        RowVal = rowVal;
        ColStart = colStart;
        ColEntries = colEntries;
    }

    /// <summary>Original column index of each compact column, ascending.</summary>
    public int[] Original { get; }
    public int[]? RowStart { get; }
    public int[]? RowCol { get; }
    public float[]? RowVal { get; }
    public int[]? ColStart { get; }
    public Entry[]? ColEntries { get; }

    public int Rows { get; }
    public int Columns => Original.Length;

    /// <summary>Training data: picks the used columns and builds the column-major layout.</summary>
    public static CompactData ForTraining(SparseMatrix x, int threads)
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

        // Transpose: each thread owns a range of columns and fills them in row order, so the layout is fixed.
        var fill = colStart.AsSpan(0, used).ToArray();
        var entries = new Entry[nnz];
        var rowStart = x.RowStart;
        var values = x.Values;
        int parts = Math.Max(1, Math.Min(threads, used));
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            int lo = (int)((long)used * part / parts), hi = (int)((long)used * (part + 1) / parts);
            for (int r = 0; r < x.RowCount; r++)
                for (int j = rowStart[r]; j < rowStart[r + 1]; j++)
                {
                    int k = toCompact[idx[j]];
                    if (k >= lo && k < hi) entries[fill[k]++] = new Entry(r, values[j]);
                }
        });
        return new CompactData(x.RowCount, original, null, null, null, colStart, entries);
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
        return new CompactData(x.RowCount, Original, rowStart, cols.ToArray(), vals.ToArray(), null, null);
    }
}
