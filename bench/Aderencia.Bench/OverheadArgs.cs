using System.Globalization;

namespace Aderencia.Bench;

/// <summary><c>overhead [--seconds 30] [--interval 1] [--rounds 10]</c>.</summary>
internal sealed record OverheadArgs(double Seconds, double IntervalSeconds, int Rounds)
{
    public static OverheadArgs Parse(string[] args)
    {
        double seconds = 30, interval = 1, rounds = 10;
        for (int i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !(v > 0))
                throw new ArgumentException($"{args[i]} needs a positive number");
            switch (args[i])
            {
                case "--seconds": seconds = v; break;
                case "--interval": interval = v; break;
                case "--rounds": rounds = Math.Max(1, Math.Round(v)); break;
                default: throw new ArgumentException($"unknown option '{args[i]}'; use --seconds, --interval or --rounds");
            }
        }
        return new OverheadArgs(seconds, interval, (int)rounds);
    }
}
