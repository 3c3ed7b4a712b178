namespace Aderencia.Models.Trees;

/// <summary>
/// Grows one depth-limited regression tree on gradients/hessians with histograms over the binned features:
/// leaves take the Newton step −G/(H+λ) (times the learning rate), splits maximise the second-order gain,
/// and each split builds the smaller child's histogram and gets the other's by subtraction from the parent.
/// </summary>
internal sealed class TreeBuilder
{
    private const int MaxBins = 256;
    private const int Stride = 3; // per bin: Σg, Σh, count
    private const double MinHessian = 1e-6;
    private const int ParallelWork = 1 << 16;

    private readonly FeatureBins _bins;
    private readonly TreeSettings _settings;
    private readonly double[][] _pool;
    private float[] _g = [];
    private float[] _h = [];

    public TreeBuilder(FeatureBins bins, TreeSettings settings)
    {
        _bins = bins;
        _settings = settings;
        _pool = new double[settings.MaxDepth + 2][];
        for (int i = 0; i < _pool.Length; i++) _pool[i] = new double[bins.Features * MaxBins * Stride];
    }

    /// <summary>Adds a tree fitted to rows <paramref name="rows"/> (reordered in place) and returns its root.</summary>
    public int Grow(Forest forest, Span<int> rows, float[] g, float[] h)
    {
        _g = g;
        _h = h;
        var hist = _pool[0];
        Histogram(rows, hist);
        double gs = 0, hs = 0;
        for (int b = 0; b < _bins.BinCount(0); b++)
        {
            gs += hist[b * Stride];
            hs += hist[b * Stride + 1];
        }
        return Node(forest, rows, hist, gs, hs, depth: 0);
    }

    private int Node(Forest forest, Span<int> rows, double[] hist, double gs, double hs, int depth)
    {
        int node = forest.AddNode(LeafValue(gs, hs));
        if (depth >= _settings.MaxDepth || rows.Length < 2 * _settings.MinSamplesLeaf) return node;
        var (feature, bin, gl, hl, gain) = BestSplit(hist, gs, hs);
        if (feature < 0 || !(gain > 1e-12)) return node;

        var codes = _bins.Codes.AsSpan(feature * _bins.Rows, _bins.Rows);
        int left = Partition(rows, codes, bin);
        var leftRows = rows[..left];
        var rightRows = rows[left..];
        bool leftSmaller = leftRows.Length <= rightRows.Length;
        var small = _pool[depth + 1];
        Histogram(leftSmaller ? leftRows : rightRows, small);
        for (int i = 0; i < hist.Length; i++) hist[i] -= small[i];
        var leftHist = leftSmaller ? small : hist;
        var rightHist = leftSmaller ? hist : small;

        forest.Feature[node] = feature;
        forest.Threshold[node] = _bins.Edges[feature][bin];
        // the smaller child's histogram lives in the pool slot of depth+1, so it is grown first
        if (leftSmaller)
        {
            forest.Left[node] = Node(forest, leftRows, leftHist, gl, hl, depth + 1);
            forest.Right[node] = Node(forest, rightRows, rightHist, gs - gl, hs - hl, depth + 1);
        }
        else
        {
            int r = Node(forest, rightRows, rightHist, gs - gl, hs - hl, depth + 1);
            forest.Left[node] = Node(forest, leftRows, leftHist, gl, hl, depth + 1);
            forest.Right[node] = r;
        }
        return node;
    }

    private float LeafValue(double g, double h) => (float)(-_settings.LearningRate * g / (h + _settings.L2));

    private (int Feature, int Bin, double GL, double HL, double Gain) BestSplit(double[] hist, double gs, double hs)
    {
        double lambda = _settings.L2, parent = gs * gs / (hs + lambda);
        int minLeaf = _settings.MinSamplesLeaf;
        (int, int, double, double, double) best = (-1, -1, 0, 0, 0);
        for (int f = 0; f < _bins.Features; f++)
        {
            int nb = _bins.BinCount(f), at = f * MaxBins * Stride;
            double gl = 0, hl = 0, nl = 0, n = 0;
            for (int b = 0; b < nb; b++) n += hist[at + b * Stride + 2];
            for (int b = 0; b < nb - 1; b++)
            {
                gl += hist[at + b * Stride];
                hl += hist[at + b * Stride + 1];
                nl += hist[at + b * Stride + 2];
                if (nl < minLeaf) continue;
                if (n - nl < minLeaf) break;
                double hr = hs - hl;
                if (hl < MinHessian || hr < MinHessian) continue;
                double gr = gs - gl;
                double gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parent;
                if (gain > best.Item5) best = (f, b, gl, hl, gain);
            }
        }
        return best;
    }

    /// <summary>Moves rows with bin ≤ <paramref name="bin"/> to the front, keeping each side's order; returns their count.</summary>
    private static int Partition(Span<int> rows, ReadOnlySpan<byte> codes, int bin)
    {
        var right = System.Buffers.ArrayPool<int>.Shared.Rent(rows.Length);
        int l = 0, r = 0;
        foreach (int row in rows)
        {
            if (codes[row] <= bin) rows[l++] = row;
            else right[r++] = row;
        }
        right.AsSpan(0, r).CopyTo(rows[l..]);
        System.Buffers.ArrayPool<int>.Shared.Return(right);
        return l;
    }

    private void Histogram(Span<int> rows, double[] hist)
    {
        Array.Clear(hist);
        int features = _bins.Features;
        if (_settings.Threads > 1 && (long)rows.Length * features >= ParallelWork)
        {
            var copy = rows.ToArray();
            // one feature per task: every sum is taken by one thread in row order, so results do not depend on threads
            Parallel.For(0, features, new ParallelOptions { MaxDegreeOfParallelism = _settings.Threads }, f => Feature(copy, f, hist));
        }
        else
        {
            for (int f = 0; f < features; f++) Feature(rows, f, hist);
        }
    }

    private void Feature(ReadOnlySpan<int> rows, int f, double[] hist)
    {
        var codes = _bins.Codes.AsSpan(f * _bins.Rows, _bins.Rows);
        var part = hist.AsSpan(f * MaxBins * Stride, MaxBins * Stride);
        var g = _g;
        var h = _h;
        foreach (int r in rows)
        {
            int at = codes[r] * Stride;
            part[at] += g[r];
            part[at + 1] += h[r];
            part[at + 2] += 1;
        }
    }
}
