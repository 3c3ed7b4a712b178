using System.Text.Json;
using Aderencia.Domain;
using Aderencia.Models;

namespace Aderencia.Tests.Models;

public class LogisticRegressionTests
{
    [Fact]
    public void SeparableDataIsFitPerfectly()
    {
        var rows = new float[][] { [0, 0], [0.1f, 0.2f], [3, 0], [3.2f, 0.1f], [0, 3], [0.2f, 3.1f], [-0.1f, 0.1f], [2.9f, -0.2f], [0.1f, 2.8f] };
        AdherenceLevel[] y = [0, 0, (AdherenceLevel)1, (AdherenceLevel)1, (AdherenceLevel)2, (AdherenceLevel)2, 0, (AdherenceLevel)1, (AdherenceLevel)2];
        var x = Synthetic.Dense(rows, 2);
        var m = new LogisticRegression();
        m.Fit(x, y, new FitOptions { C = 100 });
        Assert.Equal(y, m.Predict(x).Levels);
    }

    public static TheoryData<int> SklearnCases => new() { 0, 1 };

    [Theory]
    [MemberData(nameof(SklearnCases))]
    public void MatchesScikitLearn(int caseIndex)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "models", "sklearn_logistic.json")));
        var root = doc.RootElement;
        var rows = root.GetProperty("x").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();
        var y = root.GetProperty("y").EnumerateArray().Select(v => (AdherenceLevel)v.GetInt32()).ToArray();
        var c = root.GetProperty("cases")[caseIndex];
        var options = new FitOptions
        {
            C = c.GetProperty("C").GetDouble(),
            ClassWeights = c.GetProperty("class_weight").GetString() == "balanced" ? ClassWeighting.Balanced : ClassWeighting.None,
            Tolerance = 1e-9,
            MaxIterations = 1000,
        };
        var x = Synthetic.Dense(rows, 2);
        var m = new LogisticRegression();
        m.Fit(x, y, options);

        var coef = c.GetProperty("coef");
        for (int k = 0; k < 3; k++)
            for (int j = 0; j < 2; j++)
                Assert.Equal(coef[k][j].GetDouble(), m.Weights[j * 3 + k], 3e-4);
        // biases are identified only up to a shared shift; both fits start at 0 and keep their sum at 0
        var intercept = c.GetProperty("intercept");
        for (int k = 0; k < 3; k++) Assert.Equal(intercept[k].GetDouble(), m.Bias[k], 3e-4);
        var proba = c.GetProperty("proba");
        var p = m.Predict(x).Probabilities;
        for (int r = 0; r < rows.Length; r++)
            for (int k = 0; k < 3; k++) Assert.Equal(proba[r][k].GetDouble(), p[r * 3 + k], 1e-4);
    }

    [Fact]
    public void TrainingIsBitIdenticalAcrossRunsAndThreadCounts()
    {
        var (x, y) = Synthetic.Hashed(rows: 3000, columns: 1 << 16, nnz: 40, seed: 3);
        float[] Train(int threads)
        {
            var m = new LogisticRegression();
            m.Fit(x, y, new FitOptions { Threads = threads, MaxIterations = 30, Tolerance = 0 });
            return [.. m.Weights.ToArray(), .. m.Bias.ToArray()];
        }
        var one = Train(1);
        Assert.Equal(one, Train(1));
        Assert.Equal(one, Train(2));
        Assert.Equal(one, Train(3));
    }

    [Fact]
    public void LearnsSignalInHashedSpaceAndReportsProgress()
    {
        var (x, y) = Synthetic.Hashed(rows: 4000, columns: 1 << 18, nnz: 60, seed: 5);
        var (xv, yv) = Synthetic.Hashed(rows: 1000, columns: 1 << 18, nnz: 60, seed: 6);
        var seen = new List<FitProgress>();
        var m = new LogisticRegression();
        m.Fit(x, y, new FitOptions { C = 1, Progress = seen.Add }, xv, yv);
        Assert.NotEmpty(seen);
        Assert.True(seen[^1].Loss < seen[0].Loss);
        Assert.All(seen, s => Assert.False(double.IsNaN(s.ValidationLoss)));
        Assert.True(LevelMetrics.Accuracy(yv, m.Predict(xv).Levels) > 0.8);
        Assert.NotNull(m.LastFit);
        Assert.True(m.LastFit!.ActiveColumns < x.ColumnCount);
    }

    [Fact]
    public void ContributionsPlusBiasGiveTheClassLogit()
    {
        var (x, y) = Synthetic.Hashed(rows: 500, columns: 1 << 12, nnz: 20, seed: 9);
        var m = new LogisticRegression();
        m.Fit(x, y, new FitOptions());
        var contrib = new float[20];
        var p = new float[3];
        var logits = new float[3];
        m.PredictProba(x.RowIndices(0), x.RowValues(0), p);
        for (int k = 0; k < 3; k++)
        {
            m.Contributions(x.RowIndices(0), x.RowValues(0), k, contrib);
            logits[k] = contrib.Sum() + m.Bias[k];
        }
        float lse = MathF.Log(logits.Sum(MathF.Exp));
        for (int k = 0; k < 3; k++) Assert.Equal(p[k], MathF.Exp(logits[k] - lse), 1e-5f);
    }

    [Fact]
    public void RejectsFeaturesOutsideTheModel()
    {
        var m = new LogisticRegression();
        m.Fit(Synthetic.Dense([[1, 0], [0, 1], [1, 1]], 2), [0, (AdherenceLevel)1, (AdherenceLevel)2], new FitOptions());
        var e = Assert.Throws<ArgumentException>(() => m.PredictProba([5], [1f], new float[3]));
        Assert.Contains("featurizer settings", e.Message);
    }
}
