namespace Aderencia.Reports;

/// <summary>Colours shared by every chart (colour-blind friendly, after Okabe and Ito).</summary>
public static class Palette
{
    public static IReadOnlyList<string> Series { get; } = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    /// <summary>BAIXA, MÉDIA, ALTA.</summary>
    public static IReadOnlyList<string> Levels { get; } = ["#56B4E9", "#E69F00", "#009E73"];

    public const string Reference = "#888888";
    public const string Front = "#D55E00";
    public const string Grid = "#e5e5e5";
    public const string Axis = "#555555";

    public static string At(int i) => Series[i % Series.Count];

    /// <summary>White to deep blue for a share in [0, 1] (heatmap cells).</summary>
    public static string Blue(double share)
    {
        share = Math.Clamp(double.IsFinite(share) ? share : 0, 0, 1);
        int r = (int)Math.Round(255 + (8 - 255) * share);
        int g = (int)Math.Round(255 + (69 - 255) * share);
        int b = (int)Math.Round(255 + (148 - 255) * share);
        return $"#{r:x2}{g:x2}{b:x2}";
    }
}
