namespace Aderencia.Reports;

/// <summary>One series of a bar chart: a value (or null for "not available") per category.</summary>
public sealed record BarSeries(string Name, string Color, IReadOnlyList<double?> Values);

/// <summary>
/// Horizontal grouped bars: one group per category (labels on the left), one bar per series, values on a linear or
/// log axis at the bottom, each bar labelled with its value.
/// </summary>
public sealed record SvgBarChart
{
    public required string Title { get; init; }
    public required IReadOnlyList<string> Categories { get; init; }
    public required IReadOnlyList<BarSeries> Series { get; init; }
    public required string ValueLabel { get; init; }
    public bool Log { get; init; }
    /// <summary>Upper end of a linear axis (e.g. 1 for scores); by default a nice value above the largest bar.</summary>
    public double? Max { get; init; }
    public Func<double, string> Format { get; init; } = v => Fmt.G(v);
    public double Width { get; init; } = 1000;

    private const double Bar = 13, GroupGap = 10, Top = 34, AxisSpace = 46;

    public string Render()
    {
        foreach (var s in Series)
            if (s.Values.Count != Categories.Count)
                throw new ArgumentException($"series '{s.Name}' has {s.Values.Count} values for {Categories.Count} categories");
        var values = Series.SelectMany(s => s.Values).Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
        double labelWidth = Math.Min(280, 12 + Categories.Select(c => SvgLegend.EstimateWidth(SvgLegend.Clip(c, 44), 12)).DefaultIfEmpty(40).Max());
        double left = labelWidth + 8, right = Width - 70;
        double legendHeight = Series.Count > 1 ? 22 : 0;
        double groupHeight = Series.Count * Bar + GroupGap;
        double plotTop = Top + legendHeight, plotBottom = plotTop + Categories.Count * groupHeight;
        var w = new SvgWriter(Width, plotBottom + AxisSpace, Title);
        w.Text(Width / 2, 20, Title, "middle", 15, bold: true);
        if (Series.Count > 1)
            SvgLegend.Draw(w, left, Top - 4, right, Series.Select(s => new LegendItem(s.Name, s.Color)).ToList());

        SvgScale scale = Log
            ? new LogScale(values.Where(v => v > 0).DefaultIfEmpty(1).Min(), values.Where(v => v > 0).DefaultIfEmpty(10).Max(), left, right)
            : new LinearScale(0, Max ?? NiceMax(values), left, right);
        foreach (var t in scale.Ticks())
        {
            double x = scale.Map(t.Value);
            w.Line(x, plotTop, x, plotBottom, t.Major ? Palette.Grid : "#f3f3f3");
            if (t.Major)
            {
                w.Line(x, plotBottom, x, plotBottom + 4, Palette.Axis);
                w.Text(x, plotBottom + 16, t.Label, "middle", 11, Palette.Axis);
            }
        }
        w.Line(left, plotBottom, right, plotBottom, Palette.Axis);
        w.Line(left, plotTop, left, plotBottom, Palette.Axis);
        w.Text((left + right) / 2, plotBottom + 36, ValueLabel + (Log ? " (log scale)" : ""), "middle", 12, Palette.Axis);

        for (int c = 0; c < Categories.Count; c++)
        {
            double groupTop = plotTop + c * groupHeight + GroupGap / 2;
            w.Text(left - 8, groupTop + Series.Count * Bar / 2, SvgLegend.Clip(Categories[c], 44), "end", 12, baseline: "middle");
            for (int s = 0; s < Series.Count; s++)
            {
                double y = groupTop + s * Bar;
                if (Series[s].Values[c] is not { } v || !double.IsFinite(v) || (Log && v <= 0))
                {
                    w.Text(left + 4, y + Bar / 2, "n/a", size: 10, fill: "#999", baseline: "middle");
                    continue;
                }
                double end = scale.Map(v);
                w.Rect(left, y + 1, end - left, Bar - 2, Series[s].Color, tooltip: $"{Categories[c]} — {Series[s].Name}: {Format(v)}");
                w.Text(end + 4, y + Bar / 2, Format(v), size: 10, fill: "#333", baseline: "middle");
            }
        }
        return w.ToString();
    }

    private static double NiceMax(List<double> values)
    {
        double max = values.DefaultIfEmpty(1).Max();
        if (!(max > 0)) return 1;
        double step = LinearScale.NiceStep(max / 5);
        return Math.Ceiling(max * 1.02 / step) * step;
    }
}
