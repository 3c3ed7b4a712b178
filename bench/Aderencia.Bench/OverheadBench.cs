using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using Aderencia.Cost;

namespace Aderencia.Bench;

/// <summary>
/// What the cost tracker costs: a fixed CPU-bound, training-like workload on two threads (dot products and axpy
/// updates over 1 MiB vectors, as an L-BFGS step does) timed alternately without and with a tracker sampling in
/// the background. Reports the median paired change of wall and process CPU time and the sampler's own time as a share of the wall time.
/// </summary>
internal static class OverheadBench
{
    private const int Threads = 2;
    private const int VectorLength = 1 << 18;

    public static int Run(OverheadArgs args)
    {
        var (seconds, intervalSeconds, rounds) = args;
        var options = CostOptions.Default with { SampleInterval = TimeSpan.FromSeconds(intervalSeconds) };
        double perRun = seconds / (2 * rounds);
        long steps = Calibrate(perRun);
        Console.Error.WriteLine($"workload: {steps:N0} steps per thread ≈ {perRun:F1} s; {rounds} rounds off/on, sampler every {intervalSeconds} s");

        var off = new List<(double Wall, double Cpu)>();
        var on = new List<(double Wall, double Cpu)>();
        var samplerShare = new List<double>();
        int samples = 0;
        for (int round = 0; round < rounds; round++)
        {
            // Alternate which goes first so drift in machine load does not favour one side.
            bool trackedFirst = round % 2 == 1;
            for (int k = 0; k < 2; k++)
            {
                bool tracked = (k == 0) == trackedFirst;
                if (!tracked) { off.Add(Time(steps)); continue; }
                var tracker = CostTracker.Start("overhead", options);
                on.Add(Time(steps));
                var m = tracker.Stop();
                samplerShare.Add(m.SamplerSeconds / m.WallSeconds);
                samples += m.Samples;
            }
            Console.Error.WriteLine($"round {round + 1}/{rounds}: off {off[^1].Wall:F3} s ({off[^1].Cpu:F3} s CPU), on {on[^1].Wall:F3} s ({on[^1].Cpu:F3} s CPU)");
        }

        // Each round's pair ran back to back under nearly the same machine load; their ratio cancels most of it.
        double wallChange = Median(Enumerable.Range(0, rounds).Select(i => on[i].Wall / off[i].Wall - 1).ToList());
        double cpuChange = Median(Enumerable.Range(0, rounds).Select(i => on[i].Cpu / off[i].Cpu - 1).ToList());
        var c = CultureInfo.InvariantCulture;
        var table = new MarkdownTable("sampler interval", "rounds", "median wall off / on", "wall overhead", "CPU overhead", "sampler time / wall", "samples");
        table.Add(string.Create(c, $"{intervalSeconds:0.###} s"), rounds.ToString(c),
            $"{Format.Seconds(Median(off.Select(x => x.Wall).ToList()))} / {Format.Seconds(Median(on.Select(x => x.Wall).ToList()))}",
            Percent(wallChange), Percent(cpuChange), Percent(samplerShare.Average()), samples.ToString(c));
        Console.WriteLine(table);
        return 0;
    }

    private static string Percent(double x) => (x * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " %";

    private static long Calibrate(double targetSeconds)
    {
        long steps = 64;
        while (true)
        {
            double t = Time(steps).Wall;
            if (t >= 0.5) return Math.Max(1, (long)(steps * targetSeconds / t));
            steps *= 2;
        }
    }

    /// <summary>Wall and process CPU seconds for <see cref="Threads"/> threads each doing <paramref name="steps"/> steps.</summary>
    private static (double Wall, double Cpu) Time(long steps)
    {
        var threads = new Thread[Threads];
        using var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (int t = 0; t < Threads; t++)
        {
            threads[t] = new Thread(() => Work(steps));
            threads[t].Start();
        }
        foreach (var t in threads) t.Join();
        double wall = sw.Elapsed.TotalSeconds;
        self.Refresh();
        return (wall, (self.TotalProcessorTime - cpu0).TotalSeconds);
    }

    private static void Work(long steps)
    {
        var w = new float[VectorLength];
        var g = new float[VectorLength];
        for (int i = 0; i < g.Length; i++) g[i] = (i % 97 - 48) * 1e-3f;
        float sink = 0;
        for (long s = 0; s < steps; s++)
        {
            float alpha = TensorPrimitives.Dot(w, g) * 1e-9f - 1e-4f;
            TensorPrimitives.MultiplyAdd(g, alpha, w, w);
            sink += alpha;
        }
        GC.KeepAlive(sink);
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
