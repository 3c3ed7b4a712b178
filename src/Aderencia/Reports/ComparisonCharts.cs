namespace Aderencia.Reports;

/// <summary>The SVG charts of a comparison report.</summary>
public static class ComparisonCharts
{
    public static IReadOnlyList<string> LevelNames { get; } = ["BAIXA", "MÉDIA", "ALTA"];
    private static readonly string[] LevelKeys = ["BAIXA", "MEDIA", "ALTA"];

    private const string OursName = "this run (test part)";
    private const string ReferenceName = "reference: organizers, real data (not comparable)";

    /// <summary>Macro-F1 against total energy (training + test inference) on a log axis, Pareto front of our models drawn.</summary>
    public static string F1VersusEnergy(Comparison c)
    {
        var points = new List<ScatterPoint>();
        foreach (var m in c.Models)
            points.Add(new ScatterPoint(0, m.EnergyKwh, m.MacroF1, "#" + m.Rank,
                $"#{m.Rank} {m.Name}: macro-F1 {Fmt.F(m.MacroF1, 4)}, {Fmt.Sci(m.EnergyKwh)} kWh{(m.OnParetoFront ? " (Pareto front)" : "")}"));
        var front = c.Models.Select((m, i) => (m, i)).Where(t => t.m.OnParetoFront).Select(t => t.i).ToList();
        var refs = c.References.Results;
        for (int i = 0; i < refs.Count; i++)
            if (refs[i].EnergyKwh is { } kwh and > 0)
                points.Add(new ScatterPoint(1, kwh, refs[i].MacroF1, RankingTable.ReferenceLabel(i),
                    $"{RankingTable.ReferenceLabel(i)} {refs[i].Name}: macro-F1 {Fmt.F(refs[i].MacroF1, 3)}, {Fmt.Sci(kwh)} kWh ({c.References.Note})"));
        return new SvgScatterChart
        {
            Title = "Macro-F1 vs energy (training + test inference)",
            XLabel = "energy, kWh",
            YLabel = "macro-F1",
            LogX = true,
            Series = [new ScatterSeries(OursName, Palette.Series[0], MarkerShape.Circle), new ScatterSeries(ReferenceName, Palette.Reference, MarkerShape.Diamond)],
            Points = points,
            Front = front,
            FrontName = "Pareto front (this run): max F1, min energy",
        }.Render();
    }

    /// <summary>F1 of each level, one group per model, reference rows after ours.</summary>
    public static string F1PerLevel(Comparison c)
    {
        var categories = c.Models.Select(m => $"#{m.Rank} {m.Name}").ToList();
        var refs = c.References.Results;
        categories.AddRange(refs.Select((r, i) => $"{RankingTable.ReferenceLabel(i)} {r.Name} (ref.)"));
        var series = new List<BarSeries>();
        for (int level = 0; level < 3; level++)
        {
            var values = c.Models.Select(m => (double?)m.F1(LevelKeys[level])).ToList();
            values.AddRange(refs.Select(r => (double?)r.F1[level]));
            series.Add(new BarSeries(LevelNames[level], Palette.Levels[level], values));
        }
        return new SvgBarChart
        {
            Title = "F1 per level (test part; references on the organizers' test set)",
            Categories = categories,
            Series = series,
            ValueLabel = "F1",
            Max = 1,
            Format = v => Fmt.F(v, 3),
        }.Render();
    }

    /// <summary>Seconds to featurize and score 100 pairs, log axis (references: GPU inference on 4,203 pairs).</summary>
    public static string TimePer100Pairs(Comparison c)
    {
        var categories = c.Models.Select(m => $"#{m.Rank} {m.Name}").ToList();
        var values = c.Models.Select(m => (double?)m.SecondsPer100Pairs).ToList();
        var refs = c.References.Results;
        categories.AddRange(refs.Select((r, i) => $"{RankingTable.ReferenceLabel(i)} {r.Name} (ref.)"));
        values.AddRange(refs.Select(r => c.References.SecondsPer100Pairs(r)));
        return new SvgBarChart
        {
            Title = "Inference time per 100 pairs",
            Categories = categories,
            Series = [new BarSeries("seconds per 100 pairs", Palette.Series[0], values)],
            ValueLabel = "seconds per 100 pairs",
            Log = true,
            Format = v => Fmt.G(v) + " s",
        }.Render();
    }

    public static IEnumerable<string> ConfusionHeatmaps(Comparison c)
    {
        foreach (var m in c.Models) yield return SvgHeatmap.Render($"#{m.Rank} {m.Name}", LevelNames, m.Evaluation.Confusion, titleLines: 2);
        var refs = c.References.Results;
        for (int i = 0; i < refs.Count; i++)
            if (refs[i].Confusion is { } confusion)
                yield return SvgHeatmap.Render($"{RankingTable.ReferenceLabel(i)} (ref.) {refs[i].Name}", LevelNames, confusion, titleLines: 2);
    }
}
