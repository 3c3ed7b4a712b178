using System.Text.Json;
using System.Xml.Linq;
using Aderencia.Domain;
using Aderencia.Evaluation;
using Aderencia.Models;
using Aderencia.Reports;

namespace Aderencia.Tests.Reports;

public class ReportTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private const AdherenceLevel B = AdherenceLevel.Baixa, M = AdherenceLevel.Media, A = AdherenceLevel.Alta;

    /// <summary>10 rows: truth B B B B M M M A A A, predicted B B B M M M B A A M → confusion [[3,1,0],[1,2,0],[0,1,2]].</summary>
    private static EvaluationResult FixedEvaluation() => Evaluator.Evaluate(new EvaluationInput
    {
        Truth = [B, B, B, B, M, M, M, A, A, A],
        Predicted = [B, B, B, M, M, M, B, A, A, M],
        Ufs = ["SP", "SP", "RJ", "RJ", "SP", "<UF&>", "RJ", "SP", "RJ", "SP"],
    }, new EvaluationOptions { BootstrapResamples = 50 });

    private static ComparedModel Model(string name, double energy, EvaluationResult eval) => new()
    {
        Name = name,
        Type = "logistic",
        Encoding = "f32",
        Evaluation = eval,
        TrainSeconds = 1.5,
        InferenceSeconds = 0.02,
        InferencePairs = 10,
        PeakMemoryBytes = 300L << 20,
        FileBytes = 2048,
        Parameters = new ParameterCount(1234, 1200),
        TrainEnergyKwh = energy,
        InferenceEnergyKwh = energy / 10,
        Co2Kg = energy * 0.1,
    };

    private static Comparison FixedComparison()
    {
        var worse = Evaluator.Evaluate(new EvaluationInput { Truth = [B, M, A, A], Predicted = [B, B, A, M] },
            new EvaluationOptions { BootstrapResamples = 50 });
        var context = new ComparisonContext { Data = "fixed <data> & co", Protocol = "grouped", Seed = 42, TrainPairs = 80, EvalPairs = 10, TestPairs = 10 };
        return Comparison.Rank(context,
            [Model("cheap & <worse>", 1e-6, worse), Model("dear \"good\"", 5e-6, FixedEvaluation()), Model("dear but worse", 9e-6, worse)]);
    }

    [Fact]
    public void Ranking_orders_by_macro_f1_and_marks_the_front()
    {
        var c = FixedComparison();
        Assert.Equal(["dear \"good\"", "cheap & <worse>", "dear but worse"], c.Models.Select(m => m.Name));
        Assert.Equal([1, 2, 3], c.Models.Select(m => m.Rank));
        Assert.Equal([true, true, false], c.Models.Select(m => m.OnParetoFront));
        Assert.Equal(0.002, c.Models[0].SecondsPerPair, 12);
        Assert.Equal(0.2, c.Models[0].SecondsPer100Pairs, 12);
    }

    [Fact]
    public void Comparison_html_is_well_formed_with_one_svg_per_chart_and_the_numbers()
    {
        var c = FixedComparison();
        var html = ComparisonReport.Html(c);
        var doc = XDocument.Parse(html);
        var svgs = doc.Descendants(Svg + "svg").ToList();
        int referenceConfusions = c.References.Results.Count(r => r.Confusion is not null);
        Assert.Equal(3 + c.Models.Count + referenceConfusions, svgs.Count);   // scatter, F1 bars, time bars, heatmaps
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http", html.Replace("http://www.w3.org/", ""));
        var text = doc.Root!.Value;
        Assert.Contains("cheap & <worse>", text);
        Assert.Contains("dear \"good\"", text);
        Assert.Contains("fixed <data> & co", text);
        Assert.Contains(Fmt.F(c.Models[0].MacroF1, 4), text);
        Assert.Contains("Qwen-14B LoRA, class-balanced loss", text);
        Assert.Contains("reference: measured on the real data by the organizers", text);
        var referenceRows = doc.Descendants(Xhtml + "tr").Where(r => (string?)r.Attribute("class") == "ref").ToList();
        Assert.Equal(c.References.Results.Count, referenceRows.Count);
        var scatter = svgs[0];
        Assert.Contains(scatter.Descendants(Svg + "polyline"), p => (string?)p.Attribute("stroke") == Palette.Front);
        // References are diamonds (polygons): one per row with an energy figure, plus the legend's swatch.
        Assert.Equal(c.References.Results.Count(r => r.EnergyKwh is > 0) + 1, scatter.Descendants(Svg + "polygon").Count());
    }

    [Fact]
    public void Comparison_markdown_has_the_ranking_and_reference_tables()
    {
        var c = FixedComparison();
        var md = ComparisonReport.Markdown(c);
        Assert.Contains("| 1 | dear \"good\" | " + Fmt.F(c.Models[0].MacroF1, 4) + " |", md);
        Assert.Contains("| R4 | Qwen-14B LoRA, class-balanced loss | 0.598 |", md);
        Assert.Contains("reference: measured on the real data by the organizers", md);
        Assert.Contains("`[3, 1, 0], [1, 2, 0], [0, 1, 2]`", md);
    }

    [Fact]
    public void Ranking_json_lists_models_in_rank_order_and_labels_references()
    {
        var c = FixedComparison();
        using var doc = JsonDocument.Parse(RankingJson.Serialize(c));
        var models = doc.RootElement.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], models.Select(m => m.GetProperty("rank").GetInt32()));
        var f1 = models.Select(m => m.GetProperty("macro_f1").GetDouble()).ToList();
        Assert.Equal(f1.OrderDescending(), f1);
        Assert.True(models[0].GetProperty("pareto_front").GetBoolean());
        Assert.Equal(2, models[0].GetProperty("macro_f1_ci95").GetArrayLength());
        Assert.Equal(1234, models[0].GetProperty("parameters_total").GetInt64());
        var refs = doc.RootElement.GetProperty("references");
        Assert.StartsWith("reference: measured on the real data by the organizers", refs.GetProperty("note").GetString());
        var lora = refs.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Qwen-14B LoRA, class-balanced loss");
        Assert.Equal(0.598, lora.GetProperty("macro_f1").GetDouble());
        Assert.Equal(2.51, lora.GetProperty("energy_kwh").GetDouble(), 9);
        Assert.Equal(2795 * 100.0 / 4203, lora.GetProperty("inference_seconds_per_100_pairs").GetDouble(), 9);
    }

    [Fact]
    public void Evaluation_html_report_holds_every_section()
    {
        var r = FixedEvaluation();
        var doc = XDocument.Parse(EvaluationReport.Html(r, "logistic <test> & co", ["context line"]));
        Assert.Equal(2, doc.Descendants(Svg + "svg").Count());      // confusion heatmap, F1 bars
        var text = doc.Root!.Value;
        Assert.Contains("logistic <test> & co", text);
        Assert.Contains(Fmt.F(r.MacroF1, 4), text);
        Assert.Contains(Fmt.Interval(r.Ci.MacroF1.Low, r.Ci.MacroF1.High), text);
        Assert.Contains("ALTA vs rest", text);
        Assert.Contains("MÉDIA+ALTA vs BAIXA", text);
        Assert.Contains("<UF&>", text);
        var heat = doc.Descendants(Svg + "svg").First().Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("75%", heat);    // 3 of the 4 BAIXA rows
        Assert.Contains("67%", heat);    // 2 of the 3 MÉDIA rows
    }

    [Fact]
    public void Evaluation_markdown_report_has_the_confusion_table()
    {
        var md = EvaluationReport.Markdown(FixedEvaluation(), "t");
        Assert.Contains("| BAIXA | 3 | 1 | 0 |", md);
        Assert.Contains("| MÉDIA | 1 | 2 | 0 |", md);
        Assert.Contains("| ALTA | 0 | 1 | 2 |", md);
        Assert.Contains("| <UF&> | 1 |", md);
    }

    [Fact]
    public void Both_evaluation_reports_list_the_worst_confusions_with_examples()
    {
        // Truth B B M A A, predicted M M B M A: B→M twice (the worst); M→B and A→M once each, tied on distance, so cell
        // order keeps M→B and drops A→M. Probabilities order the B→M examples: row 1 (0.9) before row 0 (0.6).
        float[] probs = [0.3f, 0.6f, 0.1f, 0.05f, 0.9f, 0.05f, 0.7f, 0.2f, 0.1f, 0.1f, 0.5f, 0.4f, 0.1f, 0.1f, 0.8f];
        var r = Evaluator.Evaluate(new EvaluationInput
        {
            Truth = [B, B, M, A, A],
            Predicted = [M, M, B, M, A],
            Probabilities = probs,
            Descriptions = ["first | pipe", "second", "third", "fourth", "fifth"],
        }, new EvaluationOptions { BootstrapResamples = 20, WorstConfusionCells = 2 });

        var md = EvaluationReport.Markdown(r, "t");
        int section = md.IndexOf("## Worst confusions", StringComparison.Ordinal);
        Assert.True(section > 0, md);
        Assert.Contains("| BAIXA | MÉDIA | 2 | second (p 0.90) · first \\| pipe (p 0.60) |", md[section..]);
        Assert.Contains("| MÉDIA | BAIXA | 1 | third (p 0.70) |", md[section..]);
        Assert.DoesNotContain("fourth", md);

        var html = XDocument.Parse(EvaluationReport.Html(r, "t")).Root!.Value;
        Assert.Contains("second (p 0.90) · first | pipe (p 0.60)", html);
    }

    [Fact]
    public void Report_file_picks_the_format_by_extension_and_rejects_others()
    {
        using var dir = new TempDir();
        var r = FixedEvaluation();
        ReportFile.WriteEvaluation(dir.File("e.md"), r, "t");
        ReportFile.WriteEvaluation(dir.File("e.html"), r, "t");
        Assert.StartsWith("# t", File.ReadAllText(dir.File("e.md")));
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(dir.File("e.html")));
        var e = Assert.Throws<ArgumentException>(() => ReportFile.WriteEvaluation(dir.File("e.pdf"), r, "t"));
        Assert.Contains(".pdf", e.Message);
    }

    [Fact]
    public void Published_reference_rows_load_from_the_embedded_file()
    {
        var refs = ReferenceResults.Published;
        Assert.Equal(4203, refs.TestPairs);
        Assert.Equal(6, refs.Results.Count);
        Assert.All(refs.Results, r => Assert.Equal(3, r.F1.Length));
        Assert.Contains("REFERENCE.md", refs.Source);
        Assert.Equal([[1488, 515, 53], [485, 647, 152], [69, 333, 461]], refs.Results.Single(r => r.Confusion is not null).Confusion);
    }
}
