using System.Runtime.InteropServices;
using Aderencia.Features;

namespace Aderencia.Models.Graph;

/// <summary>
/// Exact cosine nearest-neighbour search over L2-normalised sparse rows restricted to columns
/// [<see cref="FirstColumn"/>, FirstColumn + <see cref="Width"/>). Rows are kept in CSR form (columns sorted) and
/// in an inverted index (column → rows holding it), so a query accumulates dot products only along the posting lists
/// of its own columns: rows sharing no column are never touched.
/// </summary>
public sealed class NeighbourIndex
{
    private readonly int[] _rowStart;
    private readonly int[] _rowColumns;
    private readonly float[] _rowValues;
    private readonly int[] _postStart;
    private readonly int[] _postRows;
    private readonly float[] _postValues;

    [ThreadStatic] private static float[]? t_scores;
    [ThreadStatic] private static int[]? t_stamp;
    [ThreadStatic] private static int[]? t_touched;
    [ThreadStatic] private static int t_generation;

    /// <param name="rowStart">CSR row offsets into <paramref name="columns"/> (relative to <paramref name="firstColumn"/>, sorted per row) and <paramref name="values"/> (unit-norm rows).</param>
    public NeighbourIndex(int firstColumn, int width, int[] rowStart, int[] columns, float[] values)
    {
        if (firstColumn < 0 || width < 1) throw new ArgumentOutOfRangeException(nameof(width), "the searched column range is empty");
        if (rowStart.Length == 0 || rowStart[0] != 0 || columns.Length != rowStart[^1] || values.Length != columns.Length)
            throw new ArgumentException("rowStart, columns and values do not describe the same rows");
        FirstColumn = firstColumn;
        Width = width;
        _rowStart = rowStart;
        _rowColumns = columns;
        _rowValues = values;
        _postStart = new int[width + 1];
        foreach (int c in columns)
        {
            if ((uint)c >= (uint)width) throw new ArgumentException($"stored column {c} is outside the index width {width}");
            _postStart[c + 1]++;
        }
        for (int c = 0; c < width; c++) _postStart[c + 1] += _postStart[c];
        _postRows = new int[columns.Length];
        _postValues = new float[columns.Length];
        var fill = _postStart.AsSpan(0, width).ToArray();
        for (int r = 0; r < RowCount; r++)
            for (int p = rowStart[r]; p < rowStart[r + 1]; p++)
            {
                int at = fill[columns[p]]++;
                _postRows[at] = r;
                _postValues[at] = values[p];
            }
    }

    public int FirstColumn { get; }
    public int Width { get; }
    public int RowCount => _rowStart.Length - 1;
    public long NonZeroCount => _rowColumns.Length;

    public ReadOnlySpan<int> RowStart => _rowStart;
    public ReadOnlySpan<int> Columns => _rowColumns;
    public ReadOnlySpan<float> Values => _rowValues;

    /// <summary>Stores the searched part of every row of <paramref name="x"/>, L2-normalised (all-zero rows stay empty).</summary>
    public static NeighbourIndex Build(SparseMatrix x, int firstColumn, int width)
    {
        var start = new int[x.RowCount + 1];
        var cols = new List<int>((int)Math.Min(int.MaxValue, x.NonZeroCount));
        var vals = new List<float>(cols.Capacity);
        var rowCols = new List<int>();
        var rowVals = new List<float>();
        for (int r = 0; r < x.RowCount; r++)
        {
            rowCols.Clear();
            rowVals.Clear();
            var idx = x.RowIndices(r);
            var val = x.RowValues(r);
            double sq = 0;
            for (int j = 0; j < idx.Length; j++)
            {
                int c = idx[j] - firstColumn;
                if ((uint)c >= (uint)width || val[j] == 0) continue;
                rowCols.Add(c);
                rowVals.Add(val[j]);
                sq += (double)val[j] * val[j];
            }
            CollectionsMarshal.AsSpan(rowCols).Sort(CollectionsMarshal.AsSpan(rowVals));
            float inv = sq > 0 ? (float)(1 / Math.Sqrt(sq)) : 0f;
            for (int i = 0; i < rowCols.Count; i++)
            {
                cols.Add(rowCols[i]);
                vals.Add(rowVals[i] * inv);
            }
            start[r + 1] = cols.Count;
        }
        return new NeighbourIndex(firstColumn, width, start, [.. cols], [.. vals]);
    }

    /// <summary>The stored (normalised) value of <paramref name="column"/> (relative) in <paramref name="row"/>, or 0.</summary>
    public float ValueAt(int row, int column)
    {
        int lo = _rowStart[row], hi = _rowStart[row + 1] - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = _rowColumns[mid];
            if (c == column) return _rowValues[mid];
            if (c < column) lo = mid + 1;
            else hi = mid - 1;
        }
        return 0f;
    }

    /// <summary>1 / ‖query restricted to the searched columns‖, or 0 when the query has none of them.</summary>
    public float InverseNorm(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        double sq = 0;
        for (int j = 0; j < indices.Length; j++)
            if ((uint)(indices[j] - FirstColumn) < (uint)Width) sq += (double)values[j] * values[j];
        return sq > 0 ? (float)(1 / Math.Sqrt(sq)) : 0f;
    }

    /// <summary>
    /// The up to rows.Length most cosine-similar stored rows (similarity &gt; 0), best first (ties: lower row first),
    /// leaving out row <paramref name="exclude"/>. Returns how many were found. Allocation-free after a thread's first call.
    /// </summary>
    public int Search(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<int> rows, Span<float> similarities, int exclude = -1)
    {
        int k = Math.Min(rows.Length, similarities.Length);
        float inv = InverseNorm(indices, values);
        if (inv == 0 || k == 0) return 0;
        int n = RowCount;
        if (t_scores is null || t_scores.Length < n)
        {
            t_scores = new float[n];
            t_stamp = new int[n];
            t_touched = new int[n];
            t_generation = 0;
        }
        var scores = t_scores;
        var stamp = t_stamp!;
        var touched = t_touched!;
        if (++t_generation == int.MaxValue)
        {
            Array.Clear(stamp);
            t_generation = 1;
        }
        int gen = t_generation, count = 0;
        for (int j = 0; j < indices.Length; j++)
        {
            int c = indices[j] - FirstColumn;
            if ((uint)c >= (uint)Width) continue;
            float q = values[j] * inv;
            for (int p = _postStart[c], end = _postStart[c + 1]; p < end; p++)
            {
                int r = _postRows[p];
                if (stamp[r] != gen)
                {
                    stamp[r] = gen;
                    scores[r] = 0;
                    touched[count++] = r;
                }
                scores[r] += q * _postValues[p];
            }
        }

        int found = 0;
        for (int t = 0; t < count; t++)
        {
            int r = touched[t];
            float s = scores[r];
            if (r == exclude || !(s > 0)) continue;
            if (found == k && !Better(s, r, similarities[k - 1], rows[k - 1])) continue;
            int at = found == k ? k - 1 : found++;
            while (at > 0 && Better(s, r, similarities[at - 1], rows[at - 1]))
            {
                similarities[at] = similarities[at - 1];
                rows[at] = rows[at - 1];
                at--;
            }
            similarities[at] = s;
            rows[at] = r;
        }
        return found;
    }

    private static bool Better(float s, int r, float s2, int r2) => s > s2 || (s == s2 && r < r2);
}
