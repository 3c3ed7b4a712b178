using Aderencia.Evaluation;

namespace Aderencia.Tests.Evaluation;

public class ClassificationReportTests
{
    [Theory]
    [MemberData(nameof(SklearnCase.Names), MemberType = typeof(SklearnCase))]
    public void Matches_scikit_learn(string name)
    {
        var c = SklearnCase.Load(name);
        var confusion = ConfusionMatrix.From(c.Truth, c.Predicted);
        var report = ClassificationReport.From(confusion);

        Assert.Equal(SklearnCase.Matrix(c.Root.GetProperty("confusion")), confusion.ToRows());
        Assert.Equal(c.Number("accuracy"), report.Accuracy, SklearnCase.Tolerance);
        double[] p = c.Numbers("precision"), r = c.Numbers("recall"), f = c.Numbers("f1"), s = c.Numbers("support");
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(p[k], report.PerClass[k].Precision, SklearnCase.Tolerance);
            Assert.Equal(r[k], report.PerClass[k].Recall, SklearnCase.Tolerance);
            Assert.Equal(f[k], report.PerClass[k].F1, SklearnCase.Tolerance);
            Assert.Equal((int)s[k], report.PerClass[k].Support);
        }
        foreach (var (json, scores) in new[] { ("macro", report.MacroAvg), ("weighted", report.WeightedAvg) })
        {
            var avg = c.Root.GetProperty(json);
            Assert.Equal(avg.GetProperty("precision").GetDouble(), scores.Precision, SklearnCase.Tolerance);
            Assert.Equal(avg.GetProperty("recall").GetDouble(), scores.Recall, SklearnCase.Tolerance);
            Assert.Equal(avg.GetProperty("f1").GetDouble(), scores.F1, SklearnCase.Tolerance);
        }
        Assert.Equal(c.Truth.Length, report.Support);
    }

    [Theory]
    [InlineData("random_50")]
    [InlineData("challenge_5000")]
    [InlineData("perfect")]
    [InlineData("ties_digits2")]
    public void Text_is_sklearns_classification_report(string name)
    {
        var c = SklearnCase.Load(name);
        var report = ClassificationReport.From(c.Truth, c.Predicted);
        Assert.Equal(c.Root.GetProperty("report").GetString(), report.ToString((int)c.Number("report_digits")));
    }

    [Fact]
    public void Class_never_predicted_scores_zero_precision_without_failing()
    {
        var c = SklearnCase.Load("never_predicted_alta");
        var report = ClassificationReport.From(c.Truth, c.Predicted);
        Assert.Equal(0.0, report.PerClass[2].Precision);
        Assert.Equal(0.0, report.PerClass[2].F1);
        Assert.True(report.PerClass[2].Support > 0);
    }

    [Fact]
    public void General_matrix_names_classes_by_index_and_rejects_a_wrong_name_count()
    {
        var m = ConfusionMatrix.From([0, 1, 1, 0], [0, 1, 0, 0], 2);
        var report = ClassificationReport.From(m);
        Assert.Equal(["0", "1"], report.Names);
        Assert.Equal(0.75, report.Accuracy);
        Assert.Equal(2.0 / 3.0, report.PerClass[0].Precision, 1e-15);
        Assert.Throws<ArgumentException>(() => ClassificationReport.From(m, ["only one"]));
    }

    [Fact]
    public void Confusion_matrix_rejects_levels_outside_its_classes_and_mismatched_lengths()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.From([0, 3], [0, 1], 3));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.From([0, 1], [0], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfusionMatrix(1));
    }
}
