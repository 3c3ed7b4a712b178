using System.Text;

namespace Aderencia.Reports;

public enum MarkerShape { Circle, Square, Diamond, Triangle }

/// <summary>
/// Builds one inline SVG element (XML-valid, so the page stays XHTML-parsable). Coordinates are pixels from the
/// top-left; every text passes through <see cref="Html.Escape"/>; tooltips are SVG &lt;title&gt; children.
/// </summary>
public sealed class SvgWriter
{
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    private readonly StringBuilder _sb = new(4096);

    public SvgWriter(double width, double height, string label)
    {
        Width = width;
        Height = height;
        _sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Fmt.Px(width))
           .Append("\" height=\"").Append(Fmt.Px(height)).Append("\" viewBox=\"0 0 ").Append(Fmt.Px(width)).Append(' ').Append(Fmt.Px(height))
           .Append("\" role=\"img\" aria-label=\"").Append(Html.Escape(label)).Append("\" font-family=\"").Append(FontFamily).Append("\">");
    }

    public double Width { get; }
    public double Height { get; }

    public void Rect(double x, double y, double w, double h, string fill, string? stroke = null, string? tooltip = null, double opacity = 1)
    {
        _sb.Append("<rect x=\"").Append(Fmt.Px(x)).Append("\" y=\"").Append(Fmt.Px(y)).Append("\" width=\"").Append(Fmt.Px(Math.Max(0, w)))
           .Append("\" height=\"").Append(Fmt.Px(Math.Max(0, h))).Append("\" fill=\"").Append(fill).Append('"');
        if (stroke is not null) _sb.Append(" stroke=\"").Append(stroke).Append('"');
        if (opacity < 1) _sb.Append(" fill-opacity=\"").Append(Fmt.Px(opacity)).Append('"');
        Close(tooltip, "rect");
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _sb.Append("<line x1=\"").Append(Fmt.Px(x1)).Append("\" y1=\"").Append(Fmt.Px(y1)).Append("\" x2=\"").Append(Fmt.Px(x2))
           .Append("\" y2=\"").Append(Fmt.Px(y2)).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Fmt.Px(width)).Append('"');
        if (dash is not null) _sb.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        _sb.Append("/>");
    }

    public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, double width = 1.5, string? dash = null)
    {
        _sb.Append("<polyline fill=\"none\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Fmt.Px(width)).Append('"');
        if (dash is not null) _sb.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        _sb.Append(" points=\"");
        for (int i = 0; i < points.Count; i++)
        {
            if (i > 0) _sb.Append(' ');
            _sb.Append(Fmt.Px(points[i].X)).Append(',').Append(Fmt.Px(points[i].Y));
        }
        _sb.Append("\"/>");
    }

    public void Text(double x, double y, string text, string anchor = "start", double size = 12, string fill = "#222",
        bool bold = false, double rotate = 0, string baseline = "auto")
    {
        _sb.Append("<text x=\"").Append(Fmt.Px(x)).Append("\" y=\"").Append(Fmt.Px(y)).Append("\" font-size=\"").Append(Fmt.Px(size))
           .Append("\" fill=\"").Append(fill).Append('"');
        if (anchor != "start") _sb.Append(" text-anchor=\"").Append(anchor).Append('"');
        if (baseline != "auto") _sb.Append(" dominant-baseline=\"").Append(baseline).Append('"');
        if (bold) _sb.Append(" font-weight=\"bold\"");
        if (rotate != 0) _sb.Append(" transform=\"rotate(").Append(Fmt.Px(rotate)).Append(' ').Append(Fmt.Px(x)).Append(' ').Append(Fmt.Px(y)).Append(")\"");
        _sb.Append('>').Append(Html.Escape(text)).Append("</text>");
    }

    /// <summary>A point marker of about <paramref name="size"/> pixels across, centred on (x, y).</summary>
    public void Marker(MarkerShape shape, double x, double y, double size, string fill, string stroke = "#fff", string? tooltip = null)
    {
        double r = size / 2;
        switch (shape)
        {
            case MarkerShape.Circle:
                _sb.Append("<circle cx=\"").Append(Fmt.Px(x)).Append("\" cy=\"").Append(Fmt.Px(y)).Append("\" r=\"").Append(Fmt.Px(r)).Append('"');
                break;
            case MarkerShape.Square:
                _sb.Append("<rect x=\"").Append(Fmt.Px(x - r)).Append("\" y=\"").Append(Fmt.Px(y - r)).Append("\" width=\"").Append(Fmt.Px(size))
                   .Append("\" height=\"").Append(Fmt.Px(size)).Append('"');
                break;
            case MarkerShape.Diamond:
                r *= 1.25;
                Polygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)]);
                break;
            default:
                r *= 1.2;
                Polygon([(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)]);
                break;
        }
        _sb.Append(" fill=\"").Append(fill).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"1.5\"");
        Close(tooltip, shape is MarkerShape.Circle ? "circle" : shape is MarkerShape.Square ? "rect" : "polygon");
    }

    /// <summary>The finished element.</summary>
    public override string ToString() => _sb.ToString() + "</svg>";

    private void Polygon(ReadOnlySpan<(double X, double Y)> points)
    {
        _sb.Append("<polygon points=\"");
        for (int i = 0; i < points.Length; i++)
        {
            if (i > 0) _sb.Append(' ');
            _sb.Append(Fmt.Px(points[i].X)).Append(',').Append(Fmt.Px(points[i].Y));
        }
        _sb.Append('"');
    }

    private void Close(string? tooltip, string element)
    {
        if (tooltip is null) _sb.Append("/>");
        else _sb.Append("><title>").Append(Html.Escape(tooltip)).Append("</title></").Append(element).Append('>');
    }
}
