using System.Globalization;

namespace Aderencia.Bench;

internal static class Format
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Count(double n) => n.ToString("N0", C);
    public static string Seconds(double s) => s.ToString(s < 10 ? "0.00" : "0.0", C) + " s";
    public static string MiB(long bytes) => (bytes / 1048576.0).ToString("N0", C) + " MiB";
    public static string KiB(long bytes) => (bytes / 1024.0).ToString("N0", C) + " KiB";
    public static string Score(double x) => x.ToString("0.0000", C);
}
