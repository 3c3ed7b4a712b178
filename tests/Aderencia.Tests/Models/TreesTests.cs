using Aderencia.Data;
using Aderencia.Domain;
using Aderencia.Features;
using Aderencia.Models;
using Aderencia.Models.Trees;
using Aderencia.Pipeline;
using Aderencia.Splits;

namespace Aderencia.Tests.Models;

public class TreesTests
{
    private static FitOptions Options(params string[] parameters) => new() { Parameters = LearnerParameters.Parse(parameters) };

    /// <summary>Level set by x0 alone (cuts at 0 and 1); x1..x3 are noise.</summary>
    private static (SparseMatrix X, AdherenceLevel[] Y) Steps(int rows, int seed, int columns = 4)
    {
        var rng = new Random(seed);
        var data = new float[rows][];
        var y = new AdherenceLevel[rows];
        for (int r = 0; r < rows; r++)
        {
            data[r] = Enumerable.Range(0, columns).Select(_ => (float)(rng.NextDouble() * 3 - 1)).ToArray();
            y[r] = data[r][0] <= 0 ? AdherenceLevel.Baixa : data[r][0] <= 1 ? AdherenceLevel.Media : AdherenceLevel.Alta;
        }
        return (Synthetic.Dense(data, columns), y);
    }

    private static float[] Probabilities(ILevelClassifier m, SparseMatrix x) => m.Predict(x, threads: 1).Probabilities;

    [Fact]
    public void SeparableToySetIsLearnedPerfectly()
    {
        var (x, y) = Steps(400, seed: 1);
        var m = new GradientBoostedTrees();
        m.Fit(x, y, Options("n_estimators=50"));
        Assert.Equal(y, m.Predict(x).Levels);
        Assert.Equal(150, m.TreeCount);
    }

    [Fact]
    public void SameSeedGivesIdenticalProbabilitiesForAnyThreadCount()
    {
        // 3000 rows × 30 features is enough work for the histograms to be built in parallel
        var (x, y) = Steps(3000, seed: 2, columns: 30);
        float[] Train(int seed, int threads)
        {
            var m = new GradientBoostedTrees();
            m.Fit(x, y, Options("n_estimators=20", "subsample=0.5", $"threads={threads}") with { Seed = seed });
            return Probabilities(m, x);
        }
        var first = Train(7, threads: 1);
        Assert.Equal(first, Train(7, threads: 1));
        Assert.Equal(first, Train(7, threads: 2));
        Assert.NotEqual(first, Train(8, threads: 1));
    }

    [Fact]
    public void ReadsOnlyTheLeadingFeatureColumns()
    {
        var (x, y) = Steps(400, seed: 3);
        var m = new GradientBoostedTrees();
        m.Fit(x, y, Options("n_estimators=30", "features=2"));
        var p = new float[3];
        m.PredictProba([0, 3], [2f, 100f], p);
        var q = new float[3];
        m.PredictProba([0, 3], [2f, -100f], q);
        Assert.Equal(p, q);
        Assert.Equal(2, p.AsSpan().IndexOf(p.Max()));
    }

    [Fact]
    public void SaveLoadRoundTripPredictsBitIdentically()
    {
        var (x, y) = Steps(500, seed: 4);
        var m = new GradientBoostedTrees();
        m.Fit(x, y, Options("n_estimators=40", "max_depth=5"));
        var loaded = ModelFile.FromBytes(ModelFile.ToBytes(m, weights: SectionEncoding.Int8), "trees.bin").Classifier;
        Assert.IsType<GradientBoostedTrees>(loaded);
        Assert.Equal(Probabilities(m, x), Probabilities(loaded, x));
        Assert.Equal(m.ParameterCount, loaded.ParameterCount);
    }

    [Fact]
    public void ContributionsAddUpToTheLogitsAndPointTheRightWay()
    {
        var (x, y) = Steps(500, seed: 5);
        var m = new GradientBoostedTrees();
        m.Fit(x, y, Options("n_estimators=40"));
        // Saabas: Σ contributions(a) − Σ contributions(b) = log(p_a/p_b) − (base_a − base_b), the same on every row
        double? offset = null;
        var p = new float[3];
        var ca = new float[4];
        var cb = new float[4];
        for (int r = 0; r < 100; r++)
        {
            var idx = x.RowIndices(r);
            var val = x.RowValues(r);
            m.Contributions(idx, val, 2, ca);
            m.Contributions(idx, val, 0, cb);
            m.PredictProba(idx, val, p);
            double rest = Math.Log(p[2] / p[0]) - (ca.Sum() - cb.Sum());
            offset ??= rest;
            Assert.Equal(offset.Value, rest, 1e-3);
            // x0 decides the level: a high x0 is evidence for ALTA, a low one against it
            if (val[0] > 1.2f) Assert.True(ca[0] > 0);
            if (val[0] < -0.2f) Assert.True(ca[0] < 0);
        }
    }

    [Fact]
    public void EarlyStoppingKeepsTheBestRound()
    {
        var (x, y) = Steps(400, seed: 6);
        var (xv, yv) = Steps(200, seed: 7);
        var rounds = new List<FitProgress>();
        var m = new GradientBoostedTrees();
        m.Fit(x, y, Options("n_estimators=400", "patience=5", "learning_rate=0.5") with { Progress = rounds.Add }, xv, yv);
        Assert.True(rounds.Count < 400);
        var best = rounds.MinBy(r => r.ValidationLoss);
        Assert.Equal(best.ValidationLoss, m.LastFit!.Loss);
        Assert.Equal(3 * best.Iteration, m.TreeCount);
    }

    [Fact]
    public void UnknownParameterIsNamedInTheError()
    {
        var (x, y) = Steps(50, seed: 8);
        var e = Assert.Throws<ArgumentException>(() => new GradientBoostedTrees().Fit(x, y, Options("depth=3")));
        Assert.Contains("depth", e.Message);
        Assert.Contains("max_depth", e.Message);
        var bad = Assert.Throws<ArgumentException>(() => new GradientBoostedTrees().Fit(x, y, Options("max_bins=1000")));
        Assert.Contains("max_bins", bad.Message);
    }

    [Fact]
    public void LearnsTheEmbeddedSampleAboveTheFloor()
    {
        var data = ChallengeDataset.Load(TestPaths.Sample(SampleData.PairsFile));
        var parts = DataParts.From(data, SplitProtocol.Grouped, SplitProtocols.DefaultSeed);
        var model = AdherenceModel.Train(parts.Train, parts.Eval, new TrainOptions { Type = GradientBoostedTrees.TypeName });
        Assert.True(ModelEvaluation.Evaluate(model, parts.Test).MacroF1 > 0.5);
    }
}
