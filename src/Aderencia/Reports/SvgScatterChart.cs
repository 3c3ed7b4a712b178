namespace Aderencia.Reports;

public sealed record ScatterSeries(string Name, string Color, MarkerShape Shape);

/// <param name="Series">Index into <see cref="SvgScatterChart.Series"/>.</param>
/// <param name="Label">Short text drawn beside the marker.</param>
public sealed record ScatterPoint(int Series, double X, double Y, string Label, string Tooltip);

/// <summary>
/// Points on a linear or log x-axis and a linear y-axis; optionally a front (indices into the points) drawn as a
/// dashed line through its points, which are ringed.
/// </summary>
public sealed record SvgScatterChart
{
    public required string Title { get; init; }
    public required string XLabel { get; init; }
    public required string YLabel { get; init; }
    public required IReadOnlyList<ScatterSeries> Series { get; init; }
    public required IReadOnlyList<ScatterPoint> Points { get; init; }
    public bool LogX { get; init; }
    public IReadOnlyList<int> Front { get; init; } = [];
    public string FrontName { get; init; } = "Pareto front";
    public double YMin { get; init; }
    public double YMax { get; init; } = 1;
    public double Width { get; init; } = 1000;
    public double Height { get; init; } = 480;

    public string Render()
    {
        var usable = Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y) && (!LogX || p.X > 0)).ToList();
        double left = 70, right = Width - 30, top = 62, bottom = Height - 56;
        var w = new SvgWriter(Width, Height, Title);
        w.Text(Width / 2, 20, Title, "middle", 15, bold: true);
        var legend = Series.Select(s => new LegendItem(s.Name, s.Color, s.Shape)).ToList();
        if (Front.Count > 0) legend.Add(new LegendItem(FrontName, Palette.Front, Line: true));
        SvgLegend.Draw(w, left, 32, right, legend);

        double xmin = usable.Select(p => p.X).DefaultIfEmpty(LogX ? 1 : 0).Min(), xmax = usable.Select(p => p.X).DefaultIfEmpty(LogX ? 10 : 1).Max();
        SvgScale xs = LogX ? new LogScale(xmin, xmax, left, right) : new LinearScale(Math.Min(0, xmin), xmax > xmin ? xmax * 1.05 : xmin + 1, left, right);
        var ys = new LinearScale(YMin, YMax, bottom, top);
        foreach (var t in xs.Ticks())
        {
            double x = xs.Map(t.Value);
            w.Line(x, top, x, bottom, t.Major ? Palette.Grid : "#f3f3f3");
            if (t.Major) w.Text(x, bottom + 16, t.Label, "middle", 11, Palette.Axis);
        }
        foreach (var t in ys.Ticks())
        {
            double y = ys.Map(t.Value);
            w.Line(left, y, right, y, Palette.Grid);
            w.Text(left - 6, y, t.Label, "end", 11, Palette.Axis, baseline: "middle");
        }
        w.Line(left, bottom, right, bottom, Palette.Axis);
        w.Line(left, top, left, bottom, Palette.Axis);
        w.Text((left + right) / 2, bottom + 38, XLabel + (LogX ? " (log scale)" : ""), "middle", 12, Palette.Axis);
        w.Text(18, (top + bottom) / 2, YLabel, "middle", 12, Palette.Axis, rotate: -90);

        var front = Front.Where(i => i >= 0 && i < Points.Count && usable.Contains(Points[i])).Select(i => Points[i]).OrderBy(p => p.X).ToList();
        if (front.Count > 1) w.Polyline(front.Select(p => (xs.Map(p.X), ys.Map(p.Y))).ToList(), Palette.Front, 2, "6,4");
        foreach (var p in front) w.Marker(MarkerShape.Circle, xs.Map(p.X), ys.Map(p.Y), 20, "none", Palette.Front);

        // Labels avoid each other and every marker (front rings included).
        var placed = usable.Select(p => (X0: xs.Map(p.X) - 8, Y0: ys.Map(p.Y) - 8, X1: xs.Map(p.X) + 8, Y1: ys.Map(p.Y) + 8)).ToList();
        foreach (var p in usable)
        {
            var s = Series[p.Series];
            double x = xs.Map(p.X), y = ys.Map(p.Y);
            w.Marker(s.Shape, x, y, 11, s.Color, "#fff", p.Tooltip);
            var (lx, ly, anchor) = PlaceLabel(x, y, SvgLegend.EstimateWidth(p.Label, 10), right, placed);
            w.Text(lx, ly, p.Label, anchor, 10, "#333");
        }
        return w.ToString();
    }

    /// <summary>
    /// The first of a few spots around the marker (right, left, above, below, further out) whose label box overlaps no
    /// label placed so far; records the chosen box.
    /// </summary>
    private static (double X, double Y, string Anchor) PlaceLabel(double x, double y, double width, double right,
        List<(double X0, double Y0, double X1, double Y1)> placed)
    {
        const double H = 11;
        ReadOnlySpan<(double Dx, double Dy)> offsets = [(9, -7), (9, 14), (-9, -7), (-9, 14), (0, -16), (0, 24), (9, -20), (9, 28), (-9, -20), (-9, 28), (0, -30), (0, 38)];
        (double, double, string) first = default;
        for (int i = 0; i < offsets.Length; i++)
        {
            var (dx, dy) = offsets[i];
            string anchor = dx > 0 ? "start" : dx < 0 ? "end" : "middle";
            if (anchor == "start" && x + dx + width > right) continue;
            double x0 = anchor == "start" ? x + dx : anchor == "end" ? x + dx - width : x - width / 2;
            var box = (x0, y + dy - H, x0 + width, y + dy + 2);
            if (i == 0 || first.Item3 is null) first = (x + dx, y + dy, anchor);
            if (placed.Any(b => b.X0 < box.Item3 && box.x0 < b.X1 && b.Y0 < box.Item4 && box.Item2 < b.Y1)) continue;
            placed.Add(box);
            return (x + dx, y + dy, anchor);
        }
        return first;
    }
}
