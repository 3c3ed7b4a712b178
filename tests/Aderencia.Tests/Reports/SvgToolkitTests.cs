using System.Xml.Linq;
using Aderencia.Reports;

namespace Aderencia.Tests.Reports;

public class SvgToolkitTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Log_scale_widens_to_whole_decades_and_labels_each_decade()
    {
        var scale = new LogScale(3e-5, 20, 0, 700);
        var major = scale.Ticks().Where(t => t.Major).ToList();
        Assert.Equal(["1e-5", "1e-4", "0.001", "0.01", "0.1", "1", "10", "100"], major.Select(t => t.Label));
        Assert.Equal(1e-5, scale.Min, 12);
        Assert.Equal(100, scale.Max, 9);
        Assert.Equal(0, scale.Map(1e-5), 9);
        Assert.Equal(700, scale.Map(100), 9);
        Assert.Equal(200, scale.Map(1e-3), 9);   // 2 of 7 decades
        Assert.Equal(0, scale.Map(-1), 9);       // non-positive values clamp to the left edge
    }

    [Fact]
    public void Log_scale_has_minor_ticks_only_over_few_decades()
    {
        var narrow = new LogScale(2, 300, 0, 100).Ticks();
        Assert.Equal([1.0, 10, 100, 1000], narrow.Where(t => t.Major).Select(t => t.Value));
        Assert.Equal(3 * 8, narrow.Count(t => !t.Major));
        Assert.Contains(narrow, t => !t.Major && Math.Abs(t.Value - 50) < 1e-9);
        var wide = new LogScale(1e-7, 1e2, 0, 100).Ticks();
        Assert.All(wide, t => Assert.True(t.Major));
        Assert.Equal(10, wide.Count);
    }

    [Fact]
    public void Log_scale_of_a_single_power_of_ten_spans_one_decade()
    {
        var s = new LogScale(10, 10, 0, 100);
        Assert.Equal(10, s.Min, 9);
        Assert.Equal(100, s.Max, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogScale(0, 10, 0, 100));
    }

    [Theory]
    [InlineData(-6, "1e-6")]
    [InlineData(-3, "0.001")]
    [InlineData(-1, "0.1")]
    [InlineData(0, "1")]
    [InlineData(4, "10000")]
    [InlineData(5, "1e5")]
    public void Decade_labels(int exponent, string label) => Assert.Equal(label, LogScale.DecadeLabel(exponent));

    [Fact]
    public void Linear_scale_ticks_at_nice_steps()
    {
        var scale = new LinearScale(0, 1, 300, 0);
        Assert.Equal(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], scale.Ticks().Select(t => t.Label));
        Assert.Equal(150, scale.Map(0.5), 9);
        Assert.Equal(0.5, LinearScale.NiceStep(0.31), 12);
        Assert.Equal(20, LinearScale.NiceStep(11), 12);
        Assert.Equal(1, LinearScale.NiceStep(1), 12);
    }

    [Fact]
    public void Pareto_front_of_a_hand_made_set()
    {
        // (energy, F1): A dominates C (cheaper and better) and E (same energy, lower F1); B is better but dearer than A;
        // D is best and dearest; F has no energy figure.
        double[] energy = [1, 2, 3, 10, 1, double.NaN];
        double[] f1 = [0.6, 0.7, 0.5, 0.8, 0.55, 0.9];
        Assert.Equal([true, true, false, true, false, false], ParetoFront.Mark(energy, f1));
    }

    [Fact]
    public void Pareto_front_keeps_exact_duplicates()
    {
        Assert.Equal([true, true], ParetoFront.Mark([1.0, 1.0], [0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => ParetoFront.Mark([1.0], [0.5, 0.6]));
    }

    [Fact]
    public void Escaping_keeps_the_svg_well_formed()
    {
        var w = new SvgWriter(100, 50, "a <b> & \"c\"");
        w.Text(1, 2, "x < y & 'z'");
        w.Rect(0, 0, 10, 10, "#000", tooltip: "<&>");
        var svg = XElement.Parse(w.ToString());
        Assert.Equal("a <b> & \"c\"", svg.Attribute("aria-label")!.Value);
        Assert.Equal("x < y & 'z'", svg.Element(Svg + "text")!.Value);
        Assert.Equal("<&>", svg.Element(Svg + "rect")!.Element(Svg + "title")!.Value);
        Assert.Equal("a &lt;b&gt; &amp; &quot;c&quot; &#39;", Html.Escape("a <b> & \"c\" '"));
    }

    [Fact]
    public void Bar_chart_draws_one_bar_per_value_and_marks_missing_ones()
    {
        var svg = XElement.Parse(new SvgBarChart
        {
            Title = "t",
            Categories = ["a", "b"],
            Series = [new BarSeries("s1", "#111", [0.5, null]), new BarSeries("s2", "#222", [0.25, 1.0])],
            ValueLabel = "F1",
            Max = 1,
            Format = v => v.ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
        }.Render());
        var bars = svg.Descendants(Svg + "rect").Where(r => r.Element(Svg + "title") is not null).ToList();
        Assert.Equal(3, bars.Count);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("0.50", texts);
        Assert.Contains("1.00", texts);
        Assert.Contains("n/a", texts);
    }

    [Fact]
    public void Scatter_labels_do_not_overlap_when_points_crowd()
    {
        var points = Enumerable.Range(0, 4).Select(i => new ScatterPoint(0, 1e-6 * (1 + i * 0.1), 0.7 + i * 0.005, "#" + i, "p")).ToList();
        var svg = XElement.Parse(new SvgScatterChart
        {
            Title = "t", XLabel = "x", YLabel = "y", LogX = true,
            Series = [new ScatterSeries("s", "#000", MarkerShape.Circle)],
            Points = points,
            Front = [3],
        }.Render());
        var labels = svg.Descendants(Svg + "text").Where(t => t.Value.StartsWith('#'))
            .Select(t => (X: double.Parse(t.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture),
                          Y: double.Parse(t.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(4, labels.Count);
        Assert.Equal(4, labels.Distinct().Count());
    }

    [Fact]
    public void Heatmap_shows_counts_and_row_shares()
    {
        var svg = XElement.Parse(SvgHeatmap.Render("m", ["A", "B"], [[3, 1], [0, 0]]));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("75%", texts);
        Assert.Contains("25%", texts);
        Assert.Equal(2, texts.Count(t => t == "0%"));        // the empty row has no share to colour
        Assert.Throws<ArgumentException>(() => SvgHeatmap.Render("m", ["A", "B"], [[1, 2]]));
    }

    [Theory]
    [InlineData("short", 10, 2, new[] { "short" })]
    [InlineData("#9 logistic, no theme×abstract terms", 28, 2, new[] { "#9 logistic, no", "theme×abstract terms" })]
    [InlineData("one two three four five six", 9, 2, new[] { "one two", "three fo…" })]
    [InlineData("averyveryverylongword tail", 8, 2, new[] { "averyver", "yverylo…" })]
    [InlineData("one two three", 5, 1, new[] { "one…" })]
    public void Wrap_breaks_at_blanks_and_ends_what_does_not_fit_in_an_ellipsis(string text, int max, int lines, string[] expected) =>
        Assert.Equal(expected, SvgLegend.Wrap(text, max, lines));

    [Fact]
    public void Heatmap_titles_wrap_onto_the_reserved_lines_and_the_matrices_line_up()
    {
        var longTitle = XElement.Parse(SvgHeatmap.Render("R4 (ref.) Qwen-14B LoRA, class-balanced loss", ["A", "B", "C"], [[1, 0, 0], [0, 1, 0], [0, 0, 1]], titleLines: 2));
        var shortTitle = XElement.Parse(SvgHeatmap.Render("#1 logistic", ["A", "B", "C"], [[1, 0, 0], [0, 1, 0], [0, 0, 1]], titleLines: 2));
        var texts = longTitle.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("R4 (ref.) Qwen-14B LoRA,", texts);
        Assert.Contains("class-balanced loss", texts);
        Assert.DoesNotContain(texts, t => t.EndsWith('…'));
        Assert.Equal("R4 (ref.) Qwen-14B LoRA, class-balanced loss", (string?)longTitle.Attribute("aria-label"));
        static string FirstCellY(XElement svg) => svg.Descendants(Svg + "rect").First().Attribute("y")!.Value;
        Assert.Equal(FirstCellY(shortTitle), FirstCellY(longTitle));
        Assert.Equal(shortTitle.Attribute("height")!.Value, longTitle.Attribute("height")!.Value);
        // The short title sits on the lower line, next to the matrix, not above an empty line.
        double Y(XElement svg, string text) => double.Parse(svg.Descendants(Svg + "text").First(t => t.Value == text).Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Y(longTitle, "class-balanced loss"), Y(shortTitle, "#1 logistic"));
    }
}
