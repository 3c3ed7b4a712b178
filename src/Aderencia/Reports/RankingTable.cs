namespace Aderencia.Reports;

/// <summary>The ranking as rows of text cells, shared by the Markdown report, the HTML report and the console table.</summary>
public static class RankingTable
{
    public static IReadOnlyList<string> Headers { get; } =
    [
        "#", "model", "macro-F1", "95% CI", "accuracy", "F1 B / M / A", "train s", "infer s/100 pairs", "ms/pair",
        "peak mem", "file", "params total / trainable", "energy kWh", "CO2 kg", "Pareto",
    ];

    /// <summary>Label of reference row i in tables and charts: R1, R2, …</summary>
    public static string ReferenceLabel(int i) => "R" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<string[]> Rows(Comparison c) => c.Models.Select(m => new[]
    {
        m.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
        m.Name,
        Fmt.F(m.MacroF1, 4),
        Fmt.Interval(m.Evaluation.Ci.MacroF1.Low, m.Evaluation.Ci.MacroF1.High, 3),
        Fmt.F(m.Evaluation.Accuracy, 4),
        $"{Fmt.F(m.F1("BAIXA"), 3)} / {Fmt.F(m.F1("MEDIA"), 3)} / {Fmt.F(m.F1("ALTA"), 3)}",
        Fmt.G(m.TrainSeconds),
        Fmt.G(m.SecondsPer100Pairs),
        Fmt.G(m.SecondsPerPair * 1000),
        Fmt.Bytes(m.PeakMemoryBytes),
        $"{Fmt.Bytes(m.FileBytes)} {m.Encoding}",
        $"{Fmt.N(m.Parameters.Total)} / {Fmt.N(m.Parameters.Trainable)}",
        Fmt.Sci(m.EnergyKwh),
        Fmt.Sci(m.Co2Kg),
        m.OnParetoFront ? "★" : "",
    }).ToList();

    public static IReadOnlyList<string[]> ReferenceRows(ReferenceResults refs) => refs.Results.Select((r, i) => new[]
    {
        ReferenceLabel(i),
        r.Name,
        Fmt.F(r.MacroF1, 3),
        "—",
        Fmt.F(r.Accuracy, 3),
        $"{Fmt.F(r.F1[0], 2)} / {Fmt.F(r.F1[1], 2)} / {Fmt.F(r.F1[2], 2)}",
        r.TrainSeconds is 0 ? "none" : Fmt.G(r.TrainSeconds),
        Fmt.G(refs.SecondsPer100Pairs(r)),
        Fmt.G(refs.SecondsPer100Pairs(r) * 10),
        "—",
        "—",
        "—",
        Fmt.Sci(r.EnergyKwh),
        Fmt.Sci(refs.Co2Kg(r)),
        "",
    }).ToList();

    /// <summary>A GitHub Markdown table of the given rows under <see cref="Headers"/>.</summary>
    public static string Markdown(IReadOnlyList<string[]> rows)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("| ").AppendJoin(" | ", Headers).Append(" |\n");
        sb.Append('|').AppendJoin("", Headers.Select(_ => "---|")).Append('\n');
        foreach (var row in rows) sb.Append("| ").AppendJoin(" | ", row.Select(Html.MarkdownCell)).Append(" |\n");
        return sb.ToString();
    }
}
