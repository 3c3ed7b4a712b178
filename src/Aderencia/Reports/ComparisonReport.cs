using System.Text;

namespace Aderencia.Reports;

/// <summary>The comparison as a self-contained HTML page and as Markdown (same ranking, same reference rows).</summary>
public static class ComparisonReport
{
    public const string Title = "Aderência — model comparison";

    public static string Html(Comparison c)
    {
        var page = new HtmlPage(Title);
        foreach (var line in ContextLines(c)) page.Meta(line);
        page.H2("Ranking by macro-F1 on the test part");
        var rows = RankingTable.Rows(c);
        page.Table(RankingTable.Headers, rows, new HashSet<int> { 1 }, r => c.Models[r].OnParetoFront ? "front" : null);
        page.Note("★ / orange edge: on the Pareto front of macro-F1 (higher) against energy (lower). " + MeasuredHow);
        page.H3("Reference rows — " + c.References.Note);
        page.Table(RankingTable.Headers, RankingTable.ReferenceRows(c.References), new HashSet<int> { 1 }, _ => "ref");
        page.Note($"Source: {c.References.Source} Inference per 100 pairs = their inference time × 100 / {Fmt.N(c.References.TestPairs)}; energy = training + inference.");
        page.H2("Macro-F1 vs energy").Chart(ComparisonCharts.F1VersusEnergy(c));
        page.H2("F1 per level").Chart(ComparisonCharts.F1PerLevel(c));
        page.H2("Inference time per 100 pairs").Chart(ComparisonCharts.TimePer100Pairs(c));
        page.H2("Confusion matrices").Grid(ComparisonCharts.ConfusionHeatmaps(c));
        return page.ToString();
    }

    public static string Markdown(Comparison c)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Title).Append("\n\n");
        foreach (var line in ContextLines(c)) sb.Append(line).Append("  \n");
        sb.Append("\n## Ranking by macro-F1 on the test part\n\n");
        sb.Append(RankingTable.Markdown(RankingTable.Rows(c)));
        sb.Append("\n★ = on the Pareto front of macro-F1 (higher) against energy (lower). ").Append(MeasuredHow).Append("\n\n");
        sb.Append("## Reference rows — ").Append(c.References.Note).Append("\n\n");
        sb.Append(RankingTable.Markdown(RankingTable.ReferenceRows(c.References)));
        sb.Append("\nSource: ").Append(c.References.Source).Append('\n');
        sb.Append("\n## Confusion matrices (rows true B/M/A, columns predicted B/M/A)\n\n");
        foreach (var m in c.Models)
            sb.Append("- #").Append(m.Rank).Append(' ').Append(m.Name).Append(": `")
              .Append(string.Join(", ", m.Evaluation.Confusion.Select(r => "[" + string.Join(", ", r) + "]"))).Append("`\n");
        return sb.ToString();
    }

    private const string MeasuredHow =
        "Training time and energy include featurizing the training part; inference covers featurizing and scoring the whole test part. " +
        "Peak memory is the process working set while the model trained or scored. File size is the saved model (featurizer settings + learner).";

    private static IEnumerable<string> ContextLines(Comparison c)
    {
        var x = c.Context;
        yield return $"Data: {x.Data} — {x.Protocol} split, seed {x.Seed}: train {Fmt.N(x.TrainPairs)} / eval {Fmt.N(x.EvalPairs)} / test {Fmt.N(x.TestPairs)} pairs.";
        if (x.Machine.Length > 0) yield return $"Machine: {x.Machine}.";
        if (x.EnergyMethod.Length > 0) yield return $"Energy: {x.EnergyMethod}.";
        yield return $"Run: {x.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {Fmt.N(c.Models.Count)} models in {Fmt.G(x.TotalSeconds)} s.";
    }
}
