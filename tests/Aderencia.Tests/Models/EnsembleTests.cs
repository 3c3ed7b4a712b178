using Aderencia.Domain;
using Aderencia.Features;
using Aderencia.Models;
using Aderencia.Models.Ensemble;
using Aderencia.Models.Graph;

namespace Aderencia.Tests.Models;

public sealed class EnsembleTests
{
    private sealed class Constant(float[] probs, float contribution) : ILevelClassifier
    {
        public string Type => "constant";
        public int ColumnCount => 10;
        public float[] DecisionOffsets { get; set; } = new float[3];
        public ParameterCount ParameterCount => new(3, 0);
        public FitSummary? LastFit => null;
        public void Fit(SparseMatrix x, ReadOnlySpan<AdherenceLevel> y, FitOptions options, SparseMatrix? xValid = null, AdherenceLevel[]? yValid = null) { }
        public void PredictProba(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probs3) => probs.CopyTo(probs3);
        public void Contributions(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, int cls, Span<float> contrib) => contrib[..indices.Length].Fill(contribution);
        public void Save(ModelWriter writer) { }
    }

    [Fact]
    public void AveragesMemberProbabilitiesAndContributionsByWeight()
    {
        var e = new EnsembleClassifier([new Constant([0.6f, 0.3f, 0.1f], 1f), new Constant([0.2f, 0.2f, 0.6f], 2f)], [0.25f, 0.75f]);
        Span<float> p = stackalloc float[3];
        e.PredictProba([1, 2], [1f, 1f], p);
        Assert.Equal(0.3f, p[0], 6);
        Assert.Equal(0.225f, p[1], 6);
        Assert.Equal(0.475f, p[2], 6);
        var c = new float[2];
        e.Contributions([1, 2], [1f, 1f], 0, c);
        Assert.Equal([1.75f, 1.75f], c);
        Assert.Equal(new ParameterCount(8, 2), e.ParameterCount);
    }

    [Fact]
    public void MixtureWeightsMinimiseLogLoss()
    {
        // rows (A, B) probability of the true class: (.8, .2), (.2, .8), (.8, .2): optimum w_A = 7/9.
        float[] a = [0.8f, 0.1f, 0.1f, 0.2f, 0.4f, 0.4f, 0.8f, 0.1f, 0.1f];
        float[] b = [0.2f, 0.4f, 0.4f, 0.8f, 0.1f, 0.1f, 0.2f, 0.4f, 0.4f];
        var w = MixtureWeights.Fit([a, b], [AdherenceLevel.Baixa, AdherenceLevel.Baixa, AdherenceLevel.Baixa], iterations: 2000);
        Assert.Equal(7.0 / 9, w[0], 3);
        Assert.Equal(1f, w[0] + w[1], 5);

        var sure = MixtureWeights.Fit([[0.9f, 0.05f, 0.05f], [0.3f, 0.4f, 0.3f]], [AdherenceLevel.Baixa]);
        Assert.True(sure[0] > 0.99f);
    }

    [Fact]
    public void BalancedMixtureWeightsWeighRowsByInverseClassFrequency()
    {
        // true-class probabilities (A, B): BAIXA (.8, .2), BAIXA (.8, .2), ALTA (.2, .8). Unweighted optimum w_A = 7/9;
        // balanced row weights (BAIXA 1/2, ALTA 1) make the ALTA row count as much as both BAIXA rows: w_A = 1/2.
        float[] a = [0.8f, 0.1f, 0.1f, 0.8f, 0.1f, 0.1f, 0.4f, 0.4f, 0.2f];
        float[] b = [0.2f, 0.4f, 0.4f, 0.2f, 0.4f, 0.4f, 0.1f, 0.1f, 0.8f];
        AdherenceLevel[] truth = [AdherenceLevel.Baixa, AdherenceLevel.Baixa, AdherenceLevel.Alta];
        Assert.Equal(7.0 / 9, MixtureWeights.Fit([a, b], truth, iterations: 2000)[0], 3);
        Assert.Equal(0.5, MixtureWeights.Fit([a, b], truth, iterations: 2000, classWeights: ClassWeighting.Balanced)[0], 3);
    }

    [Fact]
    public void DefaultMembersAreTheEvalChosenOrdinalNeuralTrees()
    {
        var (x, y) = Synthetic.Hashed(rows: 600, columns: 1 << 10, nnz: 20, seed: 3);
        var e = new EnsembleClassifier();
        e.Fit(x, y, new FitOptions { MaxIterations = 30, ClassWeights = ClassWeighting.Balanced,
            Parameters = LearnerParameters.Parse(["neural.epochs=3", "trees.n_estimators=5"]) });
        Assert.Equal(["ordinal", "neural", "trees"], e.Members.Select(m => m.Type));
        Assert.Equal(1f, e.Weights[0] + e.Weights[1] + e.Weights[2], 5);
    }

    [Fact]
    public void FitsMembersRoutesTheirParametersAndRoundTripsBitExact()
    {
        var (x, y) = Synthetic.Hashed(rows: 800, columns: 1 << 12, nnz: 30, seed: 9);
        var e = new EnsembleClassifier();
        e.Fit(x, y, new FitOptions { MaxIterations = 40, Parameters = LearnerParameters.Parse(["members=logistic,knn", "knn.k=7", "knn.prior=uniform"]) });
        Assert.Equal(["logistic", "knn"], e.Members.Select(m => m.Type));
        Assert.Equal(7, ((KnnClassifier)e.Members[1]).Neighbours);
        Assert.Equal(1f, e.Weights[0] + e.Weights[1], 5);

        var loaded = (EnsembleClassifier)ModelFile.FromBytes(ModelFile.ToBytes(e), "e.adrm").Classifier;
        Assert.Equal(e.Weights.ToArray(), loaded.Weights.ToArray());
        Assert.Equal(e.Predict(x).Probabilities, loaded.Predict(x).Probabilities);
        Assert.Equal(e.ParameterCount, loaded.ParameterCount);
    }

    [Fact]
    public void ParameterForNoMemberIsNamed()
    {
        var (x, y) = Synthetic.Hashed(rows: 50, columns: 1 << 10, nnz: 5, seed: 1);
        var ex = Assert.Throws<ArgumentException>(() => new EnsembleClassifier().Fit(x, y,
            new FitOptions { Parameters = LearnerParameters.Parse(["members=logistic", "knn.k=3"]) }));
        Assert.Contains("knn.k", ex.Message);
    }
}
