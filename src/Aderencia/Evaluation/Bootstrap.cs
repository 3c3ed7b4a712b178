using Aderencia.Domain;

namespace Aderencia.Evaluation;

/// <summary>Percentile bootstrap intervals for accuracy and macro-F1 (what the study reported, how sure we are of it).</summary>
public sealed record BootstrapIntervals(Interval Accuracy, Interval MacroF1, int Resamples, double Confidence, ulong Seed);

public static class Bootstrap
{
    public const int DefaultResamples = 1000;
    public const double DefaultConfidence = 0.95;
    public const ulong DefaultSeed = 20250;

    /// <summary>
    /// Draws <paramref name="resamples"/> samples of n rows with replacement, scores each from its 3×3 counts, and takes
    /// the (1 − confidence)/2 and (1 + confidence)/2 percentiles (numpy's linear rule). Resample b has its own generator
    /// derived from (seed, b), so the answer does not depend on how the work is split over threads.
    /// </summary>
    public static BootstrapIntervals Compute(ReadOnlySpan<AdherenceLevel> truth, ReadOnlySpan<AdherenceLevel> predicted,
        int resamples = DefaultResamples, double confidence = DefaultConfidence, ulong seed = DefaultSeed, int threads = 2)
    {
        if (truth.Length != predicted.Length) throw new ArgumentException($"{truth.Length} true levels but {predicted.Length} predicted levels");
        if (truth.IsEmpty) throw new ArgumentException("the bootstrap needs at least one row", nameof(truth));
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 2);
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be between 0 and 1, e.g. 0.95");
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);

        const int k = AdherenceLevels.Count;
        var cells = new byte[truth.Length];
        for (int i = 0; i < cells.Length; i++) cells[i] = (byte)((int)truth[i] * k + (int)predicted[i]);

        var accuracy = new double[resamples];
        var macroF1 = new double[resamples];
        int workers = Math.Min(threads, resamples);
        int chunk = (resamples + workers - 1) / workers;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            Span<int> counts = stackalloc int[k * k];
            int end = Math.Min(resamples, (w + 1) * chunk);
            for (int b = w * chunk; b < end; b++)
            {
                var rng = new Xoshiro256StarStar(StreamSeed(seed, b));
                counts.Clear();
                int n = cells.Length;
                for (int i = 0; i < n; i++) counts[cells[rng.NextInt(n)]]++;
                int correct = 0;
                for (int c = 0; c < k; c++) correct += counts[c * k + c];
                accuracy[b] = (double)correct / n;
                macroF1[b] = Prf.MacroF1(counts, k);
            }
        });

        double lowQ = 50 * (1 - confidence), highQ = 50 * (1 + confidence);
        Array.Sort(accuracy);
        Array.Sort(macroF1);
        return new BootstrapIntervals(
            new Interval(Percentile(accuracy, lowQ), Percentile(accuracy, highQ)),
            new Interval(Percentile(macroF1, lowQ), Percentile(macroF1, highQ)),
            resamples, confidence, seed);
    }

    /// <summary>numpy.percentile(values, q) with the default linear method, on values already sorted ascending.</summary>
    internal static double Percentile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty) throw new ArgumentException("no values", nameof(sorted));
        if (!(q >= 0 && q <= 100)) throw new ArgumentOutOfRangeException(nameof(q), q, "a percentile is between 0 and 100");
        double position = q / 100 * (sorted.Length - 1);
        int lo = (int)Math.Floor(position);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        double t = position - lo, a = sorted[lo], b = sorted[hi], diff = b - a;
        // numpy's _lerp: from the nearer end, so that t = 1 gives b exactly.
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    private static ulong StreamSeed(ulong seed, int resample)
    {
        ulong state = seed;
        return Xoshiro256StarStar.SplitMix64(ref state) ^ ((ulong)resample * 0xD1B54A32D192ED03UL);
    }
}
