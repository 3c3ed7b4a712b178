namespace Aderencia.Reports;

/// <summary>One legend entry: a swatch (a square, or a marker shape) and its name.</summary>
public sealed record LegendItem(string Name, string Color, MarkerShape Shape = MarkerShape.Square, bool Line = false);

public static class SvgLegend
{
    private const double Row = 18;

    /// <summary>Lays the items left to right from (x, y), wrapping before <paramref name="right"/>; returns the height used.</summary>
    public static double Draw(SvgWriter w, double x, double y, double right, IReadOnlyList<LegendItem> items)
    {
        double cx = x, cy = y;
        foreach (var item in items)
        {
            double width = 22 + EstimateWidth(item.Name, 11) + 16;
            if (cx > x && cx + width > right)
            {
                cx = x;
                cy += Row;
            }
            if (item.Line) w.Line(cx, cy + 6, cx + 14, cy + 6, item.Color, 2, "5,3");
            else w.Marker(item.Shape, cx + 7, cy + 6, 10, item.Color, item.Color);
            w.Text(cx + 20, cy + 10, item.Name, size: 11);
            cx += width;
        }
        return cy - y + Row;
    }

    /// <summary>Rough text width in pixels for a sans-serif font (layout only; browsers measure the real one).</summary>
    public static double EstimateWidth(string text, double size) => text.Length * size * 0.56;

    /// <summary>Shortens <paramref name="text"/> to <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// <summary>
    /// Breaks <paramref name="text"/> at blanks into at most <paramref name="maxLines"/> lines of at most
    /// <paramref name="max"/> characters; a word longer than a line is cut, and what does not fit ends in an ellipsis.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int max, int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        var lines = new List<string>();
        string rest = text.Trim();
        while (rest.Length > 0 && lines.Count < maxLines - 1)
        {
            if (rest.Length <= max) break;
            int cut = rest.LastIndexOf(' ', max);
            if (cut <= 0) cut = max;
            lines.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0 || lines.Count == 0) lines.Add(Clip(rest, max));
        return lines;
    }
}
