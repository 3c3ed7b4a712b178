using Aderencia.Domain;
using Aderencia.Features;
using Aderencia.Models;
using Aderencia.Models.Graph;

namespace Aderencia.Tests.Models;

public sealed class GraphKnnTests
{
    // Columns 0-1 are "dense" (prior only); 2-5 are searched.
    private static readonly SparseMatrix Tiny = Rows(
        ([2, 3], [1f, 1f]),
        ([2], [1f]),
        ([4, 5], [1f, 1f]),
        ([5], [1f]),
        ([3, 4], [1f, 1f]));

    private static readonly AdherenceLevel[] TinyY = [AdherenceLevel.Baixa, AdherenceLevel.Baixa, AdherenceLevel.Alta, AdherenceLevel.Alta, AdherenceLevel.Media];

    private static SparseMatrix Rows(params (int[] Idx, float[] Val)[] rows)
    {
        var b = new SparseMatrixBuilder(6);
        foreach (var (i, v) in rows) b.AddRow(i, v);
        return b.Build();
    }

    private static KnnClassifier FitTiny(params string[] extra)
    {
        var knn = new KnnClassifier();
        var p = LearnerParameters.Parse(new[] { "k=2", "prior=uniform", "first_column=2", "smoothing=1" }.Concat(extra));
        knn.Fit(Tiny, TinyY, new FitOptions { Parameters = p });
        return knn;
    }

    [Fact]
    public void IndexFindsTheCosineNearestRowsInOrder()
    {
        var index = NeighbourIndex.Build(Tiny, firstColumn: 2, width: 4);
        Span<int> rows = stackalloc int[3];
        Span<float> sims = stackalloc float[3];
        int found = index.Search([0, 2, 3], [5f, 1f, 1f], rows, sims);
        Assert.Equal(3, found);
        Assert.Equal([0, 1, 4], rows.ToArray());
        Assert.Equal(1f, sims[0], 5);
        Assert.Equal(MathF.Sqrt(0.5f), sims[1], 5);
        Assert.Equal(0.5f, sims[2], 5);
        Assert.Equal(2, index.Search([2, 3], [1f, 1f], rows, sims, exclude: 0));
        Assert.Equal([1, 4], rows[..2].ToArray());
    }

    [Fact]
    public void VotesAreSimilarityWeightedAndLaplaceSmoothed()
    {
        var knn = FitTiny();
        Span<float> p = stackalloc float[3];
        knn.PredictProba([2, 3], [1f, 1f], p);
        float votes = 1f + MathF.Sqrt(0.5f), total = votes + 1f;
        Assert.Equal((votes + 1f / 3) / total, p[0], 5);
        Assert.Equal(1f / 3 / total, p[1], 5);
        Assert.Equal(1f / 3 / total, p[2], 5);

        knn.PredictProba([0, 1], [3f, 4f], p);
        Assert.Equal([1f / 3, 1f / 3, 1f / 3], p.ToArray());
    }

    [Fact]
    public void ContributionsAddUpToTheMoveAwayFromThePrior()
    {
        var knn = FitTiny();
        int[] idx = [2, 3, 4];
        float[] val = [1f, 2f, 0.5f];
        Span<float> p = stackalloc float[3];
        knn.PredictProba(idx, val, p);
        var contrib = new float[3];
        for (int cls = 0; cls < 3; cls++)
        {
            knn.Contributions(idx, val, cls, contrib);
            Assert.Equal(p[cls] - 1f / 3, contrib.Sum(), 5);
        }
        knn.Contributions(idx, val, 0, contrib);
        Assert.True(contrib[0] > 0, "column 2 is shared only with BAIXA neighbours");
    }

    [Fact]
    public void SpreadingLabelsFillsEachClusterFromItsLabelledNode()
    {
        var graph = KnnGraph.FromEdges(6, [(0, 1, 1f), (1, 2, 1f), (3, 4, 1f), (4, 5, 1f), (2, 3, 0.05f)]);
        Assert.Equal(10, graph.Neighbours.Length);
        var f = LabelPropagation.Spread(graph, [0, -1, -1, -1, -1, 2], alpha: 0.9, iterations: 100);
        int Arg(int i) => f.AsSpan(i * 3, 3).IndexOf(f.AsSpan(i * 3, 3).ToArray().Max());
        Assert.Equal([0, 0, 0, 2, 2, 2], Enumerable.Range(0, 6).Select(Arg));
        Assert.Equal(f[1 * 3 + 0], f[4 * 3 + 2], 5);
        Assert.Equal(0f, f[1 * 3 + 1]);
        Assert.Equal(1f, f[2 * 3] + f[2 * 3 + 1] + f[2 * 3 + 2], 5);
    }

    [Fact]
    public void PropagationSmoothsALabelThatDisagreesWithItsNeighbours()
    {
        var knn = FitTiny("propagate=true", "alpha=0.9", "iterations=50");
        var oneHot = FitTiny();
        Assert.Equal(1f, oneHot.Votes[4 * 3 + 1]);
        Assert.True(knn.Votes[4 * 3 + 1] < 1f && knn.Votes[4 * 3] > 0 && knn.Votes[4 * 3 + 2] > 0);
    }

    [Fact]
    public void AutoFirstColumnFollowsTheFeaturizerLayout()
    {
        var f = new PairFeaturizer();
        Assert.Equal(f.HashBase, KnnClassifier.AutoFirstColumn(f.ColumnCount));
        Assert.Equal(0, KnnClassifier.AutoFirstColumn(6));
    }

    [Fact]
    public void UnknownParameterIsNamed()
    {
        var e = Assert.Throws<ArgumentException>(() => new KnnClassifier().Fit(Tiny, TinyY, new FitOptions { Parameters = LearnerParameters.Parse(["kk=3"]) }));
        Assert.Contains("kk", e.Message);
    }

    [Fact]
    public void SaveLoadRoundTripsBitExact()
    {
        var (x, y) = Synthetic.Hashed(rows: 600, columns: 1 << 12, nnz: 30, seed: 5);
        var knn = new KnnClassifier();
        knn.Fit(x, y, new FitOptions { Parameters = LearnerParameters.Parse(["first_column=64", "propagate=true"]), MaxIterations = 30 });
        var loaded = ModelFile.FromBytes(ModelFile.ToBytes(knn), "knn.adrm").Classifier;
        Assert.IsType<KnnClassifier>(loaded);
        Assert.Equal(knn.Predict(x).Probabilities, loaded.Predict(x).Probabilities);
        Assert.Equal(knn.ParameterCount, loaded.ParameterCount);
        var a = new float[x.RowIndices(3).Length];
        var b = new float[a.Length];
        knn.Contributions(x.RowIndices(3), x.RowValues(3), 2, a);
        loaded.Contributions(x.RowIndices(3), x.RowValues(3), 2, b);
        Assert.Equal(a, b);
    }
}
