namespace Aderencia.Reports;

/// <summary>
/// A confusion-matrix heatmap: rows are the truth, columns the prediction; each cell shows its count and its share of
/// the row, and is coloured by that share (so a rare level's row is as readable as a common one's).
/// </summary>
public static class SvgHeatmap
{
    /// <param name="titleLines">
    /// Lines the title may wrap onto; the space is reserved whether used or not, so heatmaps drawn side by side with the
    /// same value line their matrices up. A title longer than the lines ends in an ellipsis (the full title is the
    /// image's label).
    /// </param>
    public static string Render(string title, IReadOnlyList<string> labels, int[][] counts, double cell = 64, int titleLines = 1)
    {
        int k = labels.Count;
        if (counts.Length != k || counts.Any(r => r.Length != k))
            throw new ArgumentException($"a heatmap of {k} labels needs a {k}×{k} matrix");
        const double TitleLine = 17;
        double left = 78, top = 58 + (titleLines - 1) * TitleLine, width = left + k * cell + 16, height = top + k * cell + 36;
        double center = left + k * cell / 2;
        var w = new SvgWriter(width, height, title);
        // Centred over the matrix, as wide as the room on its narrower (right) side allows.
        var lines = SvgLegend.Wrap(title, (int)(2 * (width - center) / 8), titleLines);
        for (int i = 0; i < lines.Count; i++)
            w.Text(center, 18 + (titleLines - lines.Count + i) * TitleLine, lines[i], "middle", 13, bold: true);
        w.Text(center, top - 20, "predicted", "middle", 11, Palette.Axis);
        w.Text(14, top + k * cell / 2, "true", "middle", 11, Palette.Axis, rotate: -90);
        for (int c = 0; c < k; c++)
        {
            w.Text(left + (c + 0.5) * cell, top - 6, labels[c], "middle", 11);
            w.Text(left - 6, top + (c + 0.5) * cell, labels[c], "end", 11, baseline: "middle");
        }
        for (int t = 0; t < k; t++)
        {
            long rowTotal = counts[t].Sum(v => (long)v);
            for (int p = 0; p < k; p++)
            {
                double share = rowTotal == 0 ? 0 : (double)counts[t][p] / rowTotal;
                double x = left + p * cell, y = top + t * cell;
                w.Rect(x, y, cell, cell, Palette.Blue(share), "#fff",
                    $"true {labels[t]}, predicted {labels[p]}: {Fmt.N(counts[t][p])} ({Fmt.F(share * 100, 1)}% of the row)");
                string ink = share > 0.55 ? "#fff" : "#222";
                w.Text(x + cell / 2, y + cell / 2 - 2, Fmt.N(counts[t][p]), "middle", 14, ink, bold: t == p);
                w.Text(x + cell / 2, y + cell / 2 + 14, Fmt.F(share * 100, 0) + "%", "middle", 10, ink);
            }
        }
        w.Text(left, top + k * cell + 22, "colour: share of the true row", size: 10, fill: "#777");
        return w.ToString();
    }
}
