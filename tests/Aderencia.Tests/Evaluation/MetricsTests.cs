using Aderencia.Domain;
using Aderencia.Evaluation;

namespace Aderencia.Tests.Evaluation;

public class MetricsTests
{
    [Theory]
    [MemberData(nameof(SklearnCase.Names), MemberType = typeof(SklearnCase))]
    public void Binary_views_match_scikit_learn(string name)
    {
        var c = SklearnCase.Load(name);
        var confusion = ConfusionMatrix.From(c.Truth, c.Predicted);
        foreach (var (json, view) in new[]
                 {
                     ("binary_alta_vs_rest", BinaryView.AltaVsRest(confusion)),
                     ("binary_media_alta_vs_baixa", BinaryView.MediaAltaVsBaixa(confusion)),
                 })
        {
            var e = c.Root.GetProperty(json);
            Assert.Equal(SklearnCase.Matrix(e.GetProperty("confusion")), view.Confusion);
            Assert.Equal(e.GetProperty("precision").GetDouble(), view.Precision, SklearnCase.Tolerance);
            Assert.Equal(e.GetProperty("recall").GetDouble(), view.Recall, SklearnCase.Tolerance);
            Assert.Equal(e.GetProperty("f1").GetDouble(), view.F1, SklearnCase.Tolerance);
            Assert.Equal(e.GetProperty("macro_f1").GetDouble(), view.MacroF1, SklearnCase.Tolerance);
            Assert.Equal(e.GetProperty("accuracy").GetDouble(), view.Accuracy, SklearnCase.Tolerance);
        }
    }

    [Fact]
    public void Binary_view_names_its_positive_levels()
    {
        var m = ConfusionMatrix.From([AdherenceLevel.Alta], [AdherenceLevel.Media]);
        Assert.Equal("MÉDIA+ALTA", BinaryView.MediaAltaVsBaixa(m).Positive);
        Assert.Equal("ALTA", BinaryView.AltaVsRest(m).Positive);
        Assert.Throws<ArgumentException>(() => BinaryView.AltaVsRest(new ConfusionMatrix(2)));
    }

    [Theory]
    [MemberData(nameof(SklearnCase.Names), MemberType = typeof(SklearnCase))]
    public void Quadratic_kappa_matches_scikit_learn(string name)
    {
        var c = SklearnCase.Load(name);
        double kappa = CohenKappa.QuadraticWeighted(ConfusionMatrix.From(c.Truth, c.Predicted));
        if (c.Has("qwk")) Assert.Equal(c.Number("qwk"), kappa, SklearnCase.Tolerance);
        else Assert.True(double.IsNaN(kappa));
    }

    [Fact]
    public void Log_loss_matches_scikit_learn()
    {
        var c = SklearnCase.Load("challenge_5000");
        Assert.Equal(c.Number("log_loss"), LogLoss.Compute(c.Truth, c.Probabilities), SklearnCase.Tolerance);
    }

    [Fact]
    public void Log_loss_clips_zero_probabilities_and_renormalises_rows()
    {
        // p(true) = 0 is clipped to ε; the second row sums to 2 and is halved.
        double loss = LogLoss.Compute([AdherenceLevel.Baixa, AdherenceLevel.Alta], [0f, 1f, 0f, 0.5f, 0.5f, 1f]);
        double eps = 2.220446049250313e-16;
        double expected = (-Math.Log(eps / (eps + (1 - eps) + eps)) - Math.Log(0.5)) / 2;
        Assert.Equal(expected, loss, 1e-12);
        Assert.Throws<ArgumentException>(() => LogLoss.Compute([AdherenceLevel.Baixa], [0.5f, 0.5f]));
        Assert.Throws<ArgumentException>(() => LogLoss.Compute([AdherenceLevel.Baixa], [float.NaN, 0.5f, 0.5f]));
    }

    [Theory]
    [InlineData("challenge_5000", "uf", "per_uf")]
    [InlineData("challenge_5000", "theme", "per_theme")]
    public void Group_breakdowns_match_scikit_learn(string name, string keys, string expected)
    {
        var c = SklearnCase.Load(name);
        var groups = GroupBreakdown.Compute(c.Strings(keys), c.Truth, c.Predicted);
        var want = c.Root.GetProperty(expected).EnumerateArray().ToArray();
        Assert.Equal(want.Length, groups.Count);
        for (int i = 0; i < want.Length; i++)
        {
            Assert.Equal(want[i].GetProperty("key").GetString(), groups[i].Key);
            Assert.Equal(want[i].GetProperty("support").GetInt32(), groups[i].Support);
            Assert.Equal(want[i].GetProperty("accuracy").GetDouble(), groups[i].Accuracy, SklearnCase.Tolerance);
            Assert.Equal(want[i].GetProperty("macro_f1").GetDouble(), groups[i].MacroF1, SklearnCase.Tolerance);
        }
    }

    [Fact]
    public void Worst_confusions_are_the_largest_cells_with_most_confident_rows_first()
    {
        AdherenceLevel B = AdherenceLevel.Baixa, M = AdherenceLevel.Media, A = AdherenceLevel.Alta;
        var input = new EvaluationInput
        {
            Truth = [A, A, A, B, B, M, M],
            Predicted = [B, B, M, A, A, M, B],
            Probabilities = [0.6f, 0.2f, 0.2f, 0.9f, 0.05f, 0.05f, 0.1f, 0.8f, 0.1f, 0.1f, 0.1f, 0.8f, 0.3f, 0.1f, 0.6f, 0.1f, 0.8f, 0.1f, 0.5f, 0.4f, 0.1f],
            ThesisIds = ["t0", "t1", "t2", "t3", "t4", "t5", "t6"],
            Descriptions = ["d0", "d1", "d2", "d3", "d4", "d5", "d6"],
        };
        var worst = WorstConfusions.Compute(input, cells: 3, examplesPerCell: 1);
        // ALTA→BAIXA and BAIXA→ALTA both have 2 rows (same distance): truth-major order breaks the tie.
        Assert.Equal([("BAIXA", "ALTA", 2), ("ALTA", "BAIXA", 2), ("MÉDIA", "BAIXA", 1)], worst.Select(w => (w.Truth, w.Predicted, w.Count)));
        Assert.Equal(3, worst[0].Examples[0].Row);
        Assert.Equal(0.8, worst[0].Examples[0].Confidence!.Value, 1e-6);
        Assert.Equal(1, worst[1].Examples[0].Row);
        Assert.Equal("t1", worst[1].Examples[0].ThesisId);
        Assert.Equal("d1", worst[1].Examples[0].Description);
    }
}
