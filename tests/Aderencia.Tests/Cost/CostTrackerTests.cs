using System.Diagnostics;
using System.Runtime.InteropServices;
using Aderencia.Cost;

namespace Aderencia.Tests.Cost;

[Collection(ProcessWideCollection.Name)]
public class CostTrackerTests
{
    private static readonly CostOptions Quiet = new()
    {
        SampleInterval = TimeSpan.FromMilliseconds(100),
        UseRapl = false,
        UseGpu = false,
    };

    [Fact]
    public void BusyLoopOnTwoThreads_CpuTimeAndModelEnergyMatchTheWorkDone()
    {
        const double CpuPerThread = 0.75;
        double processBefore = ProcessCpuSeconds();
        var tracker = CostTracker.Start("busy", Quiet);
        var threads = Enumerable.Range(0, 2).Select(_ => new Thread(() => Burn(CpuPerThread))).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        var m = tracker.Stop();
        double processCpu = ProcessCpuSeconds() - processBefore;

        // At least the work the two threads did; at most what the process used around the tracker (the test host adds some).
        Assert.InRange(m.CpuSeconds, 2 * CpuPerThread - 0.01, processCpu + 0.01);
        Assert.InRange(m.CpuSeconds, processCpu - 0.1, processCpu + 0.01);
        Assert.InRange(m.WallSeconds, CpuPerThread, 10);
        // Two busy threads keep at most two cores busy (fewer while other processes hold the cores, so no lower bound).
        Assert.InRange(m.CpuSeconds / m.WallSeconds, 0.05, Math.Min(2, m.LogicalCores) + 0.3);
        Assert.True(m.Method is EnergyMethod.CpuPowerModel or EnergyMethod.CpuPowerModelDefaultTdp);
        Assert.Equal(RamEnergyMethod.ProcessRss, m.RamMethod);

        var watts = CpuPowerModel.Resolve(m.CpuModel, m.LogicalCores, null).WattsPerThread;
        Assert.Equal(watts * m.CpuSeconds / 3.6e6, m.CpuEnergyKwh, 12);
        Assert.True(m.RamEnergyKwh > 0);
        Assert.True(m.EnergyKwh > m.CpuEnergyKwh);
        Assert.Equal(m.EnergyKwh * 0.0983, m.EmissionsKg, 15);
        Assert.True(m.Samples >= 5, $"only {m.Samples} samples in {m.WallSeconds} s");
        Assert.True(m.PeakWorkingSetBytes > 10_000_000);
        Assert.True(m.PeakThreads >= 3);
        Assert.Contains("cpu model", m.Summary());
        Assert.Same(m, tracker.Stop());
    }

    [Fact]
    public void AllocationsAndManagedPeakAreSeen()
    {
        using var tracker = CostTracker.Start("alloc", Quiet);
        var keep = new byte[64][];
        for (int i = 0; i < keep.Length; i++) keep[i] = new byte[1 << 20];
        Thread.Sleep(250);
        var m = tracker.Stop();
        GC.KeepAlive(keep);

        Assert.InRange(m.AllocatedBytes, 64L << 20, 80L << 20);
        Assert.True(m.PeakManagedHeapBytes >= 64L << 20, $"managed peak {m.PeakManagedHeapBytes}");
    }

    [Fact]
    public void MachineDimmModel_ChargesTheMachineRamForTheWholeStage()
    {
        using var tracker = CostTracker.Start("dimms", Quiet with { RamModel = RamPowerModelKind.MachineDimms });
        Thread.Sleep(200);
        var m = tracker.Stop();
        Assert.Equal(RamEnergyMethod.MachineDimms, m.RamMethod);
        Assert.Equal(RamPowerModel.MachineWatts(m.RamTotalGb, RamPowerModel.IsArm), m.RamPowerWatts, 9);
    }

    [Fact]
    public void CarbonIntensityOverride_AndPue_ScaleTheEmissions()
    {
        using var tracker = CostTracker.Start("pue", Quiet with { Country = "France", CarbonIntensity = 0.5, Pue = 1.5 });
        Burn(0.05);
        var m = tracker.Stop();
        Assert.Equal("FRA", m.CountryIso);
        Assert.Equal((m.CpuEnergyKwh + m.RamEnergyKwh) * 1.5 * 0.5, m.EmissionsKg, 15);
    }

    [Fact]
    public void UnknownCountry_FailsAtStartNamingTheFix()
    {
        var e = Assert.Throws<ArgumentException>(() => CostTracker.Start("x", Quiet with { Country = "Atlantis" }));
        Assert.Contains("CarbonIntensity", e.Message);
    }

    [Fact]
    public void TrackerAppendsToTheCsvWhenAsked()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aderencia-cost-{Guid.NewGuid():N}", "emissions.csv");
        try
        {
            using (CostTracker.Start("one", Quiet with { EmissionsCsvPath = path })) Burn(0.02);
            using (CostTracker.Start("two", Quiet with { EmissionsCsvPath = path })) Burn(0.02);
            var rows = EmissionsCsv.Read(path);
            Assert.Equal(["one", "two"], rows.Select(r => r.Stage));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    /// <summary>Spins until this thread has used <paramref name="cpuSeconds"/> of CPU.</summary>
    private static void Burn(double cpuSeconds)
    {
        double start = ThreadCpuSeconds();
        double x = 1;
        while (ThreadCpuSeconds() - start < cpuSeconds)
            for (int i = 0; i < 10_000; i++) x = x * 1.0000001 + 1e-9;
        GC.KeepAlive(x);
    }

    private static double ThreadCpuSeconds() => CpuClock(3 /* CLOCK_THREAD_CPUTIME_ID */);

    private static double ProcessCpuSeconds() => CpuClock(2 /* CLOCK_PROCESS_CPUTIME_ID */);

    private static double CpuClock(int clock)
    {
        if (!OperatingSystem.IsLinux()) return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
        clock_gettime(clock, out var ts);
        return ts.Seconds + ts.Nanoseconds * 1e-9;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clockId, out Timespec time);
}
