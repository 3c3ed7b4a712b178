using Aderencia.Features;

namespace Aderencia.Models.Trees;

/// <summary>
/// Per-feature quantile cut points (at most MaxBins − 1 of them, all training values) and the training rows'
/// bin codes, column-major. Bin b holds values in (edge[b−1], edge[b]]; "bin ≤ b" is "x ≤ edge[b]".
/// </summary>
internal sealed class FeatureBins
{
    private FeatureBins(float[][] edges, byte[] codes, int rows)
    {
        Edges = edges;
        Codes = codes;
        Rows = rows;
    }

    public float[][] Edges { get; }

    /// <summary>Bin of row r, feature f at [f·Rows + r].</summary>
    public byte[] Codes { get; }
    public int Rows { get; }
    public int Features => Edges.Length;

    public int BinCount(int feature) => Edges[feature].Length + 1;

    public static FeatureBins Fit(SparseMatrix x, int features, int maxBins)
    {
        int n = x.RowCount;
        var raw = Dense(x, features);
        var edges = new float[features][];
        var codes = new byte[(long)features * n];
        var sorted = new float[n];
        for (int f = 0; f < features; f++)
        {
            var column = raw.AsSpan(f * n, n);
            column.CopyTo(sorted);
            Array.Sort(sorted);
            edges[f] = Cuts(sorted, maxBins);
            var code = codes.AsSpan(f * n, n);
            for (int r = 0; r < n; r++) code[r] = (byte)Bin(edges[f], column[r]);
        }
        return new FeatureBins(edges, codes, n);
    }

    /// <summary>The first <paramref name="features"/> columns of every row, column-major; absent entries are 0.</summary>
    public static float[] Dense(SparseMatrix x, int features)
    {
        int n = x.RowCount;
        var raw = new float[(long)features * n];
        for (int r = 0; r < n; r++)
        {
            var idx = x.RowIndices(r);
            var val = x.RowValues(r);
            for (int j = 0; j < idx.Length; j++)
                if (idx[j] < features) raw[idx[j] * n + r] = val[j];
        }
        return raw;
    }

    private static float[] Cuts(ReadOnlySpan<float> sorted, int maxBins)
    {
        var cuts = new List<float>();
        int n = sorted.Length;
        if (n == 0) return [];
        float max = sorted[^1];
        for (int i = 1; i < maxBins; i++)
        {
            // the value at the i-th quantile closes bin i−1; repeated values collapse
            float v = sorted[(int)((long)i * n / maxBins)];
            if (v < max && (cuts.Count == 0 || v > cuts[^1])) cuts.Add(v);
        }
        return cuts.ToArray();
    }

    /// <summary>Number of edges below <paramref name="value"/>.</summary>
    private static int Bin(float[] edges, float value)
    {
        int lo = 0, hi = edges.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
