using Aderencia.Data.Inspection;
using Spectre.Console;

namespace Aderencia.Cli;

/// <summary>Prints an inspection report as tables (plain text when piped).</summary>
internal static class InspectionPrinter
{
    public static void Print(InspectionReport r)
    {
        var console = Out.Console;
        console.WriteLine($"{r.File}: {r.Format}, {r.Kind}, {r.Rows:N0} rows, {r.Columns.Count} columns (read in {r.ReadSeconds:F2} s)");
        var cols = Out.Table("column", "type", "nulls", "distinct");
        foreach (var c in r.Columns) cols.Row(c.Name, c.Type, $"{c.Nulls:N0}", c.Distinct is { } d ? $"{d:N0}" : "");
        console.Write(cols);
        if (r.Labels is { } labels)
        {
            long total = labels.Values.Sum();
            var t = Out.Table("label", "rows", "share");
            foreach (var (k, v) in labels) if (v > 0 || k is "BAIXA" or "MÉDIA" or "ALTA") t.Row(k, $"{v:N0}", $"{100.0 * v / Math.Max(1, total):F1}%");
            console.Write(t);
        }
        if (r.PairsPerThesis is { } p)
            console.WriteLine($"pairs per thesis: {p.Theses:N0} theses, min {p.Min}, median {p.Median:F1}, mean {p.Mean:F2}, max {p.Max}");
        if (r.ThemesPerUf is { } themes || r.ThesesPerUf is not null)
        {
            var t = Out.Table("UF", "themes", "theses");
            var ufs = (r.ThemesPerUf?.Keys ?? []).Union(r.ThesesPerUf?.Keys ?? []).Order(StringComparer.Ordinal);
            foreach (var uf in ufs)
                t.Row(uf.Length == 0 ? "(none)" : uf, r.ThemesPerUf?.GetValueOrDefault(uf).ToString() ?? "", r.ThesesPerUf?.GetValueOrDefault(uf).ToString() ?? "");
            console.Write(t);
        }
        if (r.TextLengths is { Count: > 0 } lengths)
        {
            var t = Out.Table("text (chars)", "p05", "p50", "p95", "max", "empty");
            foreach (var l in lengths) t.Row(l.Column, $"{l.P05}", $"{l.P50}", $"{l.P95}", $"{l.Max}", $"{l.Empty:N0}");
            console.Write(t);
        }
    }
}
