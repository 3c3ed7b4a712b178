using System.Text;

namespace Aderencia.Reports;

/// <summary>
/// A self-contained report page: inline CSS, inline SVG, no script and no external resource. Written as
/// well-formed XHTML-compatible HTML5 (every element closed, only XML entities) so XML tools can read it too.
/// </summary>
internal sealed class HtmlPage
{
    private const string Css = """
        body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px auto;max-width:1160px;padding:0 16px;color:#222;line-height:1.45}
        h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
        h3{font-size:15px;margin:18px 0 6px}p.meta{color:#555;margin:2px 0}p.note{color:#555;font-size:13px}
        div.table{overflow-x:auto}table{border-collapse:collapse;font-size:12px;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 4px;text-align:right;white-space:nowrap}
        th{background:#f4f6f8;white-space:normal;vertical-align:bottom}td.l,th.l{text-align:left;white-space:normal;min-width:120px}tr.ref td{color:#666;background:#fafafa;font-style:italic}
        tr.front td:first-child{border-left:3px solid #D55E00}
        .grid{display:flex;flex-wrap:wrap;gap:12px}.chart{margin:8px 0;overflow-x:auto}
        pre{background:#f6f8fa;padding:10px;font-size:12.5px;overflow-x:auto}
        """;

    private readonly StringBuilder _sb = new(1 << 16);

    public HtmlPage(string title)
    {
        _sb.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
           .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>").Append(Html.Escape(title))
           .Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n<h1>").Append(Html.Escape(title)).Append("</h1>\n");
    }

    public HtmlPage H2(string text) => Element("h2", text);
    public HtmlPage H3(string text) => Element("h3", text);
    public HtmlPage Meta(string text) => Element("p", text, "meta");
    public HtmlPage Note(string text) => Element("p", text, "note");
    public HtmlPage Pre(string text) => Element("pre", text);

    /// <summary>Inserts already-built markup (an SVG from the chart toolkit) in a chart box.</summary>
    public HtmlPage Chart(string svg)
    {
        _sb.Append("<div class=\"chart\">").Append(svg).Append("</div>\n");
        return this;
    }

    /// <summary>Several SVGs side by side, wrapping.</summary>
    public HtmlPage Grid(IEnumerable<string> svgs)
    {
        _sb.Append("<div class=\"grid\">");
        foreach (var svg in svgs) _sb.Append("<div>").Append(svg).Append("</div>");
        _sb.Append("</div>\n");
        return this;
    }

    /// <summary>A table; columns listed in <paramref name="leftAligned"/> are text columns. <paramref name="rowClass"/> may tag rows (ref, front).</summary>
    public HtmlPage Table(IReadOnlyList<string> headers, IEnumerable<string[]> rows, ISet<int>? leftAligned = null, Func<int, string?>? rowClass = null)
    {
        leftAligned ??= new HashSet<int> { 0 };
        _sb.Append("<div class=\"table\"><table>\n<thead><tr>");
        for (int c = 0; c < headers.Count; c++) Cell("th", headers[c], leftAligned.Contains(c));
        _sb.Append("</tr></thead>\n<tbody>\n");
        int r = 0;
        foreach (var row in rows)
        {
            var cls = rowClass?.Invoke(r++);
            _sb.Append(cls is null ? "<tr>" : $"<tr class=\"{cls}\">");
            for (int c = 0; c < row.Length; c++) Cell("td", row[c], leftAligned.Contains(c));
            _sb.Append("</tr>\n");
        }
        _sb.Append("</tbody>\n</table></div>\n");
        return this;
    }

    public override string ToString() => _sb.ToString() + "</body>\n</html>\n";

    private void Cell(string tag, string text, bool left)
    {
        _sb.Append('<').Append(tag);
        if (left) _sb.Append(" class=\"l\"");
        _sb.Append('>').Append(Html.Escape(text)).Append("</").Append(tag).Append('>');
    }

    private HtmlPage Element(string tag, string text, string? cls = null)
    {
        _sb.Append('<').Append(tag);
        if (cls is not null) _sb.Append(" class=\"").Append(cls).Append('"');
        _sb.Append('>').Append(Html.Escape(text)).Append("</").Append(tag).Append(">\n");
        return this;
    }
}
