using Aderencia.Data;
using Aderencia.Domain;
using Aderencia.Features;
using Aderencia.Models;
using Aderencia.Models.Neural;
using Aderencia.Pipeline;
using Aderencia.Splits;

namespace Aderencia.Tests.Models;

public class NeuralClassifierTests
{
    /// <summary>Synthetic.Hashed puts class k's signal in columns [k·Columns/3, (k+1)·Columns/3).</summary>
    private const int Columns = 300;

    /// <summary>The toy set needs a gentler rate than the sample's default.</summary>
    private static FitOptions Options(params string[] parameters) => new() { Parameters = LearnerParameters.Parse(["lr=0.3", .. parameters]) };

    private static (SparseMatrix X, AdherenceLevel[] Y) Toy() => Synthetic.Hashed(rows: 600, columns: Columns, nnz: 12, seed: 5, signal: 0.5);

    private static float[] Probabilities(ILevelClassifier m, SparseMatrix x) => m.Predict(x, threads: 1).Probabilities;

    [Theory]
    [InlineData("hidden=0")]
    [InlineData("hidden=16")]
    [InlineData("hidden=16", "activation=tanh")]
    public void SeparableToySetIsLearnedPerfectly(params string[] parameters)
    {
        var (x, y) = Toy();
        var m = new NeuralClassifier();
        m.Fit(x, y, Options([.. parameters, "epochs=60"]));
        Assert.Equal(y, m.Predict(x).Levels);
    }

    [Fact]
    public void SameSeedGivesIdenticalProbabilitiesAndAnotherSeedDoesNot()
    {
        var (x, y) = Toy();
        float[] Train(int seed)
        {
            var m = new NeuralClassifier();
            m.Fit(x, y, Options("epochs=3", "hidden=8") with { Seed = seed });
            return Probabilities(m, x);
        }
        var first = Train(7);
        Assert.Equal(first, Train(7));
        Assert.NotEqual(first, Train(8));
    }

    [Fact]
    public void HogwildOnTwoThreadsLearnsTheToySet()
    {
        var (x, y) = Toy();
        var m = new NeuralClassifier();
        m.Fit(x, y, Options("hogwild=true", "threads=2", "epochs=20"));
        Assert.True(LevelMetrics.Accuracy(y, m.Predict(x).Levels) > 0.98);
        Assert.Contains("2 thread(s)", m.LastFit!.StopReason);
    }

    [Theory]
    [InlineData("hidden=0")]
    [InlineData("hidden=8", "buckets=1000")]
    public void SaveLoadRoundTripPredictsBitIdentically(params string[] parameters)
    {
        var (x, y) = Toy();
        var m = new NeuralClassifier();
        m.Fit(x, y, Options([.. parameters, "epochs=3"]));
        var loaded = ModelFile.FromBytes(ModelFile.ToBytes(m), "neural.bin").Classifier;
        Assert.IsType<NeuralClassifier>(loaded);
        Assert.Equal(Probabilities(m, x), Probabilities(loaded, x));
        Assert.Equal(m.ParameterCount.Total, loaded.ParameterCount.Total);
    }

    [Fact]
    public void ContributionsDecomposeTheLogitsExactlyWithoutAHiddenLayer()
    {
        var (x, y) = Toy();
        var m = new NeuralClassifier();
        m.Fit(x, y, Options("epochs=5"));
        // Σ contributions(a) − Σ contributions(b) = log(p_a/p_b) − (bias_a − bias_b): the same constant on every row
        double? offset = null;
        Span<float> p = stackalloc float[3];
        for (int r = 0; r < 50; r++)
        {
            var idx = x.RowIndices(r);
            var c2 = new float[idx.Length];
            var c0 = new float[idx.Length];
            m.Contributions(idx, x.RowValues(r), 2, c2);
            m.Contributions(idx, x.RowValues(r), 0, c0);
            m.PredictProba(idx, x.RowValues(r), p);
            double rest = Math.Log(p[2] / p[0]) - (c2.Sum() - c0.Sum());
            offset ??= rest;
            Assert.Equal(offset.Value, rest, 1e-3);
        }
    }

    [Fact]
    public void AClassBandColumnIsEvidenceForItsClassAndAgainstTheOthers()
    {
        var (x, y) = Toy();
        var m = new NeuralClassifier();
        m.Fit(x, y, Options("epochs=10", "hidden=16"));
        int[] idx = [MostFrequentInBand(x, band: 2)];
        float[] val = [1f];
        var c = new float[1];
        m.Contributions(idx, val, 2, c);
        Assert.True(c[0] > 0);
        m.Contributions(idx, val, 0, c);
        Assert.True(c[0] < 0);
    }

    private static int MostFrequentInBand(SparseMatrix x, int band) =>
        x.Indices.Where(c => c / (Columns / 3) == band).GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

    [Fact]
    public void UnknownParameterIsNamedInTheError()
    {
        var (x, y) = Toy();
        var e = Assert.Throws<ArgumentException>(() => new NeuralClassifier().Fit(x, y, Options("dims=8")));
        Assert.Contains("dims", e.Message);
        Assert.Contains("dim, epochs", e.Message);
        var bad = Assert.Throws<ArgumentException>(() => new NeuralClassifier().Fit(x, y, Options("activation=gelu")));
        Assert.Contains("relu, tanh", bad.Message);
    }

    [Fact]
    public void EarlyStoppingKeepsTheBestValidationEpoch()
    {
        var (x, y) = Toy();
        var (xv, yv) = Synthetic.Hashed(rows: 200, columns: Columns, nnz: 12, seed: 6, signal: 0.5);
        var epochs = new List<FitProgress>();
        var m = new NeuralClassifier();
        m.Fit(x, y, Options("epochs=40", "patience=2") with { Progress = epochs.Add }, xv, yv);
        double best = epochs.Min(e => e.ValidationLoss);
        Assert.Equal(best, m.LastFit!.Loss);
        Assert.Equal(epochs.Count, m.LastFit.Iterations);
    }

    [Fact]
    public void LearnsTheEmbeddedSampleAboveTheFloor()
    {
        var data = ChallengeDataset.Load(TestPaths.Sample(SampleData.PairsFile));
        var parts = DataParts.From(data, SplitProtocol.Grouped, SplitProtocols.DefaultSeed);
        var model = AdherenceModel.Train(parts.Train, parts.Eval, new TrainOptions { Type = NeuralClassifier.TypeName });
        Assert.True(ModelEvaluation.Evaluate(model, parts.Test).MacroF1 > 0.5);
    }
}
