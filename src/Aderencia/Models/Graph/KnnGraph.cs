namespace Aderencia.Models.Graph;

/// <summary>An undirected weighted graph in CSR form: node i's neighbours are Neighbours[Start[i]..Start[i+1]].</summary>
public sealed class KnnGraph
{
    public KnnGraph(int[] start, int[] neighbours, float[] weights)
    {
        if (start.Length == 0 || start[0] != 0 || neighbours.Length != start[^1] || weights.Length != neighbours.Length)
            throw new ArgumentException("start, neighbours and weights do not describe the same graph");
        Start = start;
        Neighbours = neighbours;
        Weights = weights;
    }

    public int[] Start { get; }
    public int[] Neighbours { get; }
    public float[] Weights { get; }
    public int NodeCount => Start.Length - 1;

    /// <summary>The symmetric graph of edges (a, b, w): an edge given in both directions keeps the larger weight.</summary>
    public static KnnGraph FromEdges(int nodes, IEnumerable<(int A, int B, float W)> edges)
    {
        var both = new List<(int From, int To, float W)>();
        foreach (var (a, b, w) in edges)
        {
            if ((uint)a >= (uint)nodes || (uint)b >= (uint)nodes) throw new ArgumentOutOfRangeException(nameof(edges), $"edge ({a}, {b}) names a node outside 0..{nodes - 1}");
            if (a == b || !(w > 0)) continue;
            both.Add((a, b, w));
            both.Add((b, a, w));
        }
        both.Sort((x, y) => x.From != y.From ? x.From.CompareTo(y.From) : x.To.CompareTo(y.To));
        var start = new int[nodes + 1];
        var to = new List<int>(both.Count);
        var weight = new List<float>(both.Count);
        for (int i = 0; i < both.Count; i++)
        {
            var e = both[i];
            if (i > 0 && both[i - 1].From == e.From && both[i - 1].To == e.To)
            {
                weight[^1] = MathF.Max(weight[^1], e.W);
                continue;
            }
            to.Add(e.To);
            weight.Add(e.W);
            start[e.From + 1]++;
        }
        for (int i = 0; i < nodes; i++) start[i + 1] += start[i];
        return new KnnGraph(start, [.. to], [.. weight]);
    }

    /// <summary>Each row of <paramref name="index"/> linked to its <paramref name="k"/> most similar other rows (cosine weights), symmetrised.</summary>
    public static KnnGraph Build(NeighbourIndex index, int k, int threads)
    {
        int n = index.RowCount;
        var found = new int[n * k];
        var sims = new float[n * k];
        var counts = new int[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, r =>
        {
            var cols = index.Columns[index.RowStart[r]..index.RowStart[r + 1]];
            var vals = index.Values[index.RowStart[r]..index.RowStart[r + 1]];
            var shifted = new int[cols.Length];
            for (int j = 0; j < cols.Length; j++) shifted[j] = cols[j] + index.FirstColumn;
            counts[r] = index.Search(shifted, vals, found.AsSpan(r * k, k), sims.AsSpan(r * k, k), exclude: r);
        });
        return FromEdges(n, Enumerable.Range(0, n).SelectMany(r => Enumerable.Range(0, counts[r]).Select(j => (r, found[r * k + j], sims[r * k + j]))));
    }
}
