using System.Text.Json;
using Aderencia.Domain;
using Aderencia.Evaluation;

namespace Aderencia.Tests.Evaluation;

public class EvaluatorTests
{
    private static EvaluationInput Challenge(SklearnCase c) => new()
    {
        Truth = c.Truth,
        Predicted = c.Predicted,
        Probabilities = c.Probabilities,
        Ufs = c.Strings("uf"),
        ThemeIds = c.Strings("theme"),
        ThesisIds = Enumerable.Range(0, c.Truth.Length).Select(i => "T" + i).ToArray(),
    };

    [Fact]
    public void Result_gathers_the_scikit_learn_numbers()
    {
        var c = SklearnCase.Load("challenge_5000");
        var r = Evaluator.Evaluate(Challenge(c));
        Assert.Equal(5000, r.Rows);
        Assert.Equal(c.Number("accuracy"), r.Accuracy, SklearnCase.Tolerance);
        Assert.Equal(c.Root.GetProperty("macro").GetProperty("f1").GetDouble(), r.MacroF1, SklearnCase.Tolerance);
        Assert.Equal(c.Root.GetProperty("weighted").GetProperty("f1").GetDouble(), r.WeightedF1, SklearnCase.Tolerance);
        Assert.Equal(c.Number("qwk"), r.Qwk!.Value, SklearnCase.Tolerance);
        Assert.Equal(c.Number("log_loss"), r.LogLoss!.Value, SklearnCase.Tolerance);
        Assert.Equal(c.Root.GetProperty("binary_alta_vs_rest").GetProperty("macro_f1").GetDouble(), r.BinaryAltaVsRest.MacroF1, SklearnCase.Tolerance);
        Assert.Equal(c.Numbers("recall")[1], r.PerClass["MEDIA"].Recall, SklearnCase.Tolerance);
        Assert.Equal(5, r.PerUf!.Count);
        Assert.Equal(3, r.WorstConfusions.Count);
    }

    [Fact]
    public void Json_has_the_agreed_snake_case_names_and_round_trips()
    {
        var c = SklearnCase.Load("challenge_5000");
        var r = Evaluator.Evaluate(Challenge(c), new EvaluationOptions { BootstrapResamples = 100 });
        string json = EvaluationJson.Serialize(r);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        string[] names = ["rows", "accuracy", "macro_f1", "weighted_f1", "per_class", "macro_avg", "weighted_avg", "confusion",
            "binary_alta_vs_rest", "binary_media_alta_vs_baixa", "qwk", "log_loss", "ci", "per_uf", "per_theme", "worst_confusions"];
        Assert.Equal(names, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["BAIXA", "MEDIA", "ALTA"], root.GetProperty("per_class").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["precision", "recall", "f1", "support"], root.GetProperty("per_class").GetProperty("ALTA").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("ci").GetProperty("accuracy").ValueKind);
        Assert.Equal(r.Ci.MacroF1.High, root.GetProperty("ci").GetProperty("macro_f1")[1].GetDouble());
        Assert.Equal(["name", "positive", "confusion", "precision", "recall", "f1", "macro_f1", "accuracy"],
            root.GetProperty("binary_media_alta_vs_baixa").EnumerateObject().Select(p => p.Name));
        Assert.Equal("MÉDIA+ALTA", root.GetProperty("binary_media_alta_vs_baixa").GetProperty("positive").GetString());
        Assert.Contains("\"SÃO PAULO\"", json);
        Assert.Equal(["row", "confidence", "thesis_id", "theme_id", "uf", "description"],
            root.GetProperty("worst_confusions")[0].GetProperty("examples")[0].EnumerateObject().Select(p => p.Name));

        var back = EvaluationJson.Deserialize(json);
        Assert.Equal(json, EvaluationJson.Serialize(back));
    }

    [Fact]
    public void Text_report_holds_the_sklearn_table_and_every_section()
    {
        var c = SklearnCase.Load("challenge_5000");
        string text = Evaluator.Evaluate(Challenge(c), new EvaluationOptions { BootstrapResamples = 100 }).ToString();
        Assert.Contains(c.Root.GetProperty("report").GetString()!, text);
        foreach (var section in new[] { "Confusion matrix", "ALTA vs rest", "MÉDIA+ALTA vs BAIXA", "Quadratic weighted kappa: 0.5685",
                     "Log loss: 0.6428", "95% bootstrap intervals", "Per UF", "Per theme", "Worst confusions", "thesis T" })
            Assert.Contains(section, text);
    }

    [Fact]
    public void Single_level_data_has_no_kappa_and_no_log_loss_without_probabilities()
    {
        var c = SklearnCase.Load("all_baixa");
        var r = Evaluator.Evaluate(new EvaluationInput { Truth = c.Truth, Predicted = c.Predicted });
        Assert.Null(r.Qwk);
        Assert.Null(r.LogLoss);
        Assert.Null(r.PerUf);
        Assert.Empty(r.WorstConfusions);
        Assert.Contains("undefined", r.ToString());
        Assert.Contains("\"qwk\": null", EvaluationJson.Serialize(r));
    }

    [Fact]
    public void Misshapen_input_is_refused_with_the_field_to_fix()
    {
        AdherenceLevel[] two = [AdherenceLevel.Baixa, AdherenceLevel.Alta];
        var e = Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(new EvaluationInput { Truth = two, Predicted = two, Ufs = ["SP"] }));
        Assert.Contains("Ufs", e.Message);
        e = Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(new EvaluationInput { Truth = two, Predicted = two, Probabilities = [1f, 0f, 0f] }));
        Assert.Contains("probabilities", e.Message);
        e = Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(new EvaluationInput { Truth = two, Predicted = [AdherenceLevel.Baixa, (AdherenceLevel)7] }));
        Assert.Contains("row 1", e.Message);
        Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(new EvaluationInput { Truth = [], Predicted = [] }));
    }
}
