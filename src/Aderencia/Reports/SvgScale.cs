using System.Globalization;

namespace Aderencia.Reports;

/// <summary>A tick on an axis: labelled (major) or a plain grid line (minor).</summary>
public readonly record struct Tick(double Value, string Label, bool Major);

/// <summary>Maps data values onto a pixel range and proposes ticks.</summary>
public abstract class SvgScale
{
    protected SvgScale(double min, double max, double from, double to)
    {
        if (!(max > min)) throw new ArgumentException($"an axis needs max > min, got [{min}, {max}]");
        Min = min;
        Max = max;
        From = from;
        To = to;
    }

    public double Min { get; }
    public double Max { get; }
    /// <summary>Pixel position of <see cref="Min"/>.</summary>
    public double From { get; }
    /// <summary>Pixel position of <see cref="Max"/>.</summary>
    public double To { get; }

    /// <summary>Pixel position of <paramref name="value"/>, clamped to the axis.</summary>
    public double Map(double value) => From + (To - From) * Math.Clamp(Fraction(value), 0, 1);

    public abstract IReadOnlyList<Tick> Ticks();

    protected abstract double Fraction(double value);
}

/// <summary>A linear axis with ticks at 1, 2 or 5 × 10^k steps.</summary>
public sealed class LinearScale(double min, double max, double from, double to, int targetTicks = 5) : SvgScale(min, max, from, to)
{
    protected override double Fraction(double value) => (value - Min) / (Max - Min);

    public override IReadOnlyList<Tick> Ticks()
    {
        double step = NiceStep((Max - Min) / Math.Max(1, targetTicks));
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        var ticks = new List<Tick>();
        for (double v = Math.Ceiling(Min / step - 1e-9) * step; v <= Max + step * 1e-9; v += step)
        {
            double rounded = Math.Round(v, decimals + 1) + 0.0; // + 0.0 turns -0 into 0
            ticks.Add(new Tick(rounded, rounded.ToString("F" + decimals, CultureInfo.InvariantCulture), true));
        }
        return ticks;
    }

    /// <summary>The smallest of 1, 2, 5 × 10^k that is at least <paramref name="raw"/>.</summary>
    public static double NiceStep(double raw)
    {
        if (!(raw > 0) || !double.IsFinite(raw)) throw new ArgumentOutOfRangeException(nameof(raw), raw, "a tick step must be positive");
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / magnitude;
        return (f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10) * magnitude;
    }
}

/// <summary>
/// A base-10 logarithmic axis over whole decades (the data range widened to powers of ten): a labelled tick per
/// decade, unlabelled minor ticks at 2..9 × 10^k when there are at most six decades.
/// </summary>
public sealed class LogScale : SvgScale
{
    public LogScale(double min, double max, double from, double to)
        : base(Math.Pow(10, LowDecade(min)), Math.Pow(10, HighDecade(min, max)), from, to)
    {
    }

    public int FirstDecade => (int)Math.Round(Math.Log10(Min));
    public int LastDecade => (int)Math.Round(Math.Log10(Max));

    protected override double Fraction(double value) =>
        value <= 0 ? 0 : (Math.Log10(value) - FirstDecade) / (LastDecade - FirstDecade);

    public override IReadOnlyList<Tick> Ticks()
    {
        var ticks = new List<Tick>();
        bool minor = LastDecade - FirstDecade <= 6;
        for (int e = FirstDecade; e <= LastDecade; e++)
        {
            ticks.Add(new Tick(Math.Pow(10, e), DecadeLabel(e), true));
            if (minor && e < LastDecade)
                for (int m = 2; m <= 9; m++) ticks.Add(new Tick(m * Math.Pow(10, e), "", false));
        }
        return ticks;
    }

    /// <summary>10^e as text: plain for 10^-3..10^4 ("0.001", "10000"), else "1e-5" / "1e6".</summary>
    public static string DecadeLabel(int e) => e switch
    {
        >= -3 and < 0 => "0." + new string('0', -e - 1) + "1",
        >= 0 and <= 4 => "1" + new string('0', e),
        _ => "1e" + e.ToString(CultureInfo.InvariantCulture),
    };

    private static int LowDecade(double min)
    {
        if (!(min > 0) || !double.IsFinite(min)) throw new ArgumentOutOfRangeException(nameof(min), min, "a log axis needs positive values");
        return (int)Math.Floor(Math.Log10(min) + 1e-9);
    }

    private static int HighDecade(double min, double max)
    {
        int high = (int)Math.Ceiling(Math.Log10(Math.Max(min, max)) - 1e-9);
        return Math.Max(high, LowDecade(min) + 1);
    }
}
