using System.Globalization;

namespace Aderencia.Reports;

/// <summary>Number formatting for reports: invariant culture everywhere, so a report reads the same on any machine.</summary>
public static class Fmt
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Fixed decimals, e.g. F(0.73771, 4) = "0.7377"; "—" for NaN or null.</summary>
    public static string F(double? v, int decimals) => v is { } x && double.IsFinite(x) ? x.ToString("F" + decimals, C) : "—";

    /// <summary>An integer with thousands separators: 3,600.</summary>
    public static string N(long v) => v.ToString("N0", C);

    /// <summary>Scientific with three significant digits (energies, emissions): 1.23e-05.</summary>
    public static string Sci(double? v) => v is { } x && double.IsFinite(x) ? (x == 0 ? "0" : x.ToString("0.00e+00", C)) : "—";

    /// <summary>Three significant digits without exponent for everyday magnitudes (0.0123, 4.56, 1,234).</summary>
    public static string G(double? v)
    {
        if (v is not { } x || !double.IsFinite(x)) return "—";
        double a = Math.Abs(x);
        if (a == 0) return "0";
        if (a >= 1000) return x.ToString("N0", C);
        if (a < 1e-4) return Sci(x);
        int decimals = Math.Max(0, 2 - (int)Math.Floor(Math.Log10(a)));
        return x.ToString("F" + decimals, C);
    }

    /// <summary>A coordinate for SVG: at most two decimals, no exponent.</summary>
    public static string Px(double v) => Math.Round(v, 2).ToString("0.##", C);

    /// <summary>Bytes as KiB or MiB with one decimal.</summary>
    public static string Bytes(long bytes) => bytes >= 1 << 20
        ? (bytes / 1048576.0).ToString("F1", C) + " MiB"
        : (bytes / 1024.0).ToString("F1", C) + " KiB";

    public static string Interval(double low, double high, int decimals = 4) => $"[{F(low, decimals)}, {F(high, decimals)}]";
}
