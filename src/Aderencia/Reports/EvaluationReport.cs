using System.Text;
using Aderencia.Evaluation;

namespace Aderencia.Reports;

/// <summary>
/// One evaluation as a report: the classification report, confusion heatmap, per-level F1 bars, binary views,
/// bootstrap intervals, kappa / log-loss and the per-UF breakdown. HTML (self-contained) or Markdown.
/// </summary>
public static class EvaluationReport
{
    private static readonly string[] Keys = ["BAIXA", "MEDIA", "ALTA"];

    /// <param name="title">E.g. "logistic on the test part of sample.parquet".</param>
    /// <param name="context">Lines shown under the title (data, split, model file…).</param>
    public static string Html(EvaluationResult r, string title, IEnumerable<string>? context = null)
    {
        var page = new HtmlPage(title);
        foreach (var line in context ?? []) page.Meta(line);
        page.H2("Classification report");
        page.Table(["level", "precision", "recall", "F1", "support"], ReportRows(r));
        page.Table(["summary", "value", "95% bootstrap interval"], SummaryRows(r));
        page.Note($"Intervals: {Fmt.N(r.Ci.Resamples)} bootstrap resamples of the rows, {Fmt.F(r.Ci.Confidence * 100, 0)}% percentile interval, seed {r.Ci.Seed}.");
        page.H2("Confusion matrix and F1 per level");
        page.Grid([SvgHeatmap.Render("Confusion (test rows)", ComparisonCharts.LevelNames, r.Confusion, 80), F1Bars(r)]);
        page.H2("Binary views");
        page.Table(BinaryHeaders, BinaryRows(r));
        if (r.PerUf is { Count: > 0 } perUf)
        {
            page.H2("Per UF");
            page.Table(["UF", "pairs", "accuracy", "macro-F1"], GroupRows(perUf));
        }
        if (r.WorstConfusions.Count > 0)
        {
            page.H2("Worst confusions");
            page.Table(ConfusionHeaders, ConfusionRows(r), new HashSet<int> { 0, 1, 3 });
        }
        return page.ToString();
    }

    public static string Markdown(EvaluationResult r, string title, IEnumerable<string>? context = null)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(title).Append("\n\n");
        foreach (var line in context ?? []) sb.Append(line).Append("  \n");
        sb.Append("\n## Classification report\n\n");
        Table(sb, ["level", "precision", "recall", "F1", "support"], ReportRows(r));
        sb.Append('\n');
        Table(sb, ["summary", "value", "95% bootstrap interval"], SummaryRows(r));
        sb.Append("\n## Confusion matrix (rows true, columns predicted)\n\n");
        Table(sb, ["true \\ predicted", .. ComparisonCharts.LevelNames],
            r.Confusion.Select((row, t) => new[] { ComparisonCharts.LevelNames[t] }.Concat(row.Select(v => Fmt.N(v))).ToArray()));
        sb.Append("\n## Binary views\n\n");
        Table(sb, BinaryHeaders, BinaryRows(r));
        if (r.PerUf is { Count: > 0 } perUf)
        {
            sb.Append("\n## Per UF\n\n");
            Table(sb, ["UF", "pairs", "accuracy", "macro-F1"], GroupRows(perUf));
        }
        if (r.WorstConfusions.Count > 0)
        {
            sb.Append("\n## Worst confusions\n\n");
            Table(sb, ConfusionHeaders, ConfusionRows(r));
        }
        return sb.ToString();
    }

    private static string F1Bars(EvaluationResult r) => new SvgBarChart
    {
        Title = "F1 per level",
        Categories = ComparisonCharts.LevelNames,
        Series = [new BarSeries("F1", Palette.Series[0], Keys.Select(k => (double?)r.PerClass[k].F1).ToList())],
        ValueLabel = "F1",
        Max = 1,
        Width = 520,
        Format = v => Fmt.F(v, 3),
    }.Render();

    private static IEnumerable<string[]> ReportRows(EvaluationResult r)
    {
        for (int i = 0; i < Keys.Length; i++)
        {
            var s = r.PerClass[Keys[i]];
            yield return [ComparisonCharts.LevelNames[i], Fmt.F(s.Precision, 4), Fmt.F(s.Recall, 4), Fmt.F(s.F1, 4), Fmt.N(s.Support)];
        }
        yield return ["macro avg", Fmt.F(r.MacroAvg.Precision, 4), Fmt.F(r.MacroAvg.Recall, 4), Fmt.F(r.MacroAvg.F1, 4), Fmt.N(r.Rows)];
        yield return ["weighted avg", Fmt.F(r.WeightedAvg.Precision, 4), Fmt.F(r.WeightedAvg.Recall, 4), Fmt.F(r.WeightedAvg.F1, 4), Fmt.N(r.Rows)];
    }

    private static IEnumerable<string[]> SummaryRows(EvaluationResult r)
    {
        yield return ["accuracy", Fmt.F(r.Accuracy, 4), Fmt.Interval(r.Ci.Accuracy.Low, r.Ci.Accuracy.High)];
        yield return ["macro-F1", Fmt.F(r.MacroF1, 4), Fmt.Interval(r.Ci.MacroF1.Low, r.Ci.MacroF1.High)];
        yield return ["weighted F1", Fmt.F(r.WeightedF1, 4), ""];
        yield return ["quadratic weighted kappa", Fmt.F(r.Qwk, 4), ""];
        yield return ["log-loss", Fmt.F(r.LogLoss, 4), ""];
        yield return ["pairs", Fmt.N(r.Rows), ""];
    }

    private static readonly string[] BinaryHeaders = ["view", "positive", "precision", "recall", "F1", "macro-F1", "accuracy", "confusion [[TN, FP], [FN, TP]]"];

    private static IEnumerable<string[]> BinaryRows(EvaluationResult r) =>
        new[] { r.BinaryAltaVsRest, r.BinaryMediaAltaVsBaixa }.Select(b => new[]
        {
            b.Name, b.Positive, Fmt.F(b.Precision, 4), Fmt.F(b.Recall, 4), Fmt.F(b.F1, 4), Fmt.F(b.MacroF1, 4), Fmt.F(b.Accuracy, 4),
            "[" + string.Join(", ", b.Confusion.Select(row => "[" + string.Join(", ", row) + "]")) + "]",
        });

    private static IEnumerable<string[]> GroupRows(IReadOnlyList<GroupScores> groups) =>
        groups.Select(g => new[] { g.Key, Fmt.N(g.Support), Fmt.F(g.Accuracy, 4), Fmt.F(g.MacroF1, 4) });

    private static readonly string[] ConfusionHeaders = ["true", "predicted", "count", "examples"];

    private static IEnumerable<string[]> ConfusionRows(EvaluationResult r) =>
        r.WorstConfusions.Select(w => new[] { w.Truth, w.Predicted, Fmt.N(w.Count), string.Join(" · ", w.Examples.Take(2).Select(Example)) });

    /// <summary>The row's description (else its thesis and theme ids, else its row number) and the model's confidence.</summary>
    private static string Example(ConfusionExample e)
    {
        var ids = string.Join(", ", new[] { e.ThesisId is null ? null : "thesis " + e.ThesisId, e.ThemeId is null ? null : "theme " + e.ThemeId }.OfType<string>());
        var text = !string.IsNullOrEmpty(e.Description) ? e.Description
            : ids.Length > 0 ? ids
            : "row " + e.Row.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return e.Confidence is { } p ? $"{text} (p {Fmt.F(p, 2)})" : text;
    }

    private static void Table(StringBuilder sb, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        sb.Append("| ").AppendJoin(" | ", headers.Select(Reports.Html.MarkdownCell)).Append(" |\n|").AppendJoin("", headers.Select(_ => "---|")).Append('\n');
        foreach (var row in rows) sb.Append("| ").AppendJoin(" | ", row.Select(Reports.Html.MarkdownCell)).Append(" |\n");
    }
}
