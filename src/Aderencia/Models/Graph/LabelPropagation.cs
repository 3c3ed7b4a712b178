namespace Aderencia.Models.Graph;

/// <summary>
/// Label spreading of Zhou et al. (2004), "Learning with local and global consistency": with S = D^-1/2 W D^-1/2
/// and Y the one-hot labels (zero rows for unlabelled nodes), iterate F ← α·S·F + (1 − α)·Y from F = Y. Each node
/// keeps a (1 − α) pull toward its own label (soft clamping), so noisy labels are smoothed by their neighbourhood
/// while unlabelled nodes take the labels that reach them.
/// </summary>
public static class LabelPropagation
{
    /// <param name="labels">Class 0..2 per node, or -1 for an unlabelled node.</param>
    /// <returns>Row-normalised soft labels [node·3 + class]; a node no label reaches gets 1/3 each.</returns>
    public static float[] Spread(KnnGraph graph, ReadOnlySpan<int> labels, double alpha, int iterations)
    {
        int n = graph.NodeCount;
        if (labels.Length != n) throw new ArgumentException($"{labels.Length} labels for {n} nodes");
        if (!(alpha is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in [0, 1)");
        if (iterations < 0) throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "iterations must be >= 0");
        var invSqrtDegree = new double[n];
        for (int i = 0; i < n; i++)
        {
            double d = 0;
            for (int e = graph.Start[i]; e < graph.Start[i + 1]; e++) d += graph.Weights[e];
            invSqrtDegree[i] = d > 0 ? 1 / Math.Sqrt(d) : 0;
        }
        var y = new double[n * 3];
        for (int i = 0; i < n; i++)
        {
            int c = labels[i];
            if (c is < -1 or > 2) throw new ArgumentOutOfRangeException(nameof(labels), c, $"node {i} has label {c}; use 0..2 or -1");
            if (c >= 0) y[i * 3 + c] = 1;
        }
        var f = (double[])y.Clone();
        var next = new double[n * 3];
        for (int t = 0; t < iterations; t++)
        {
            for (int i = 0; i < n; i++)
            {
                double s0 = 0, s1 = 0, s2 = 0;
                for (int e = graph.Start[i]; e < graph.Start[i + 1]; e++)
                {
                    int j = graph.Neighbours[e];
                    double w = graph.Weights[e] * invSqrtDegree[j];
                    s0 += w * f[j * 3];
                    s1 += w * f[j * 3 + 1];
                    s2 += w * f[j * 3 + 2];
                }
                double a = alpha * invSqrtDegree[i];
                next[i * 3] = a * s0 + (1 - alpha) * y[i * 3];
                next[i * 3 + 1] = a * s1 + (1 - alpha) * y[i * 3 + 1];
                next[i * 3 + 2] = a * s2 + (1 - alpha) * y[i * 3 + 2];
            }
            (f, next) = (next, f);
        }
        var soft = new float[n * 3];
        for (int i = 0; i < n; i++)
        {
            double sum = f[i * 3] + f[i * 3 + 1] + f[i * 3 + 2];
            for (int c = 0; c < 3; c++) soft[i * 3 + c] = sum > 0 ? (float)(f[i * 3 + c] / sum) : 1f / 3;
        }
        return soft;
    }
}
