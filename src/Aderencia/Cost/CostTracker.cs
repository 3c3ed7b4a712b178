using System.Diagnostics;

namespace Aderencia.Cost;

/// <summary>
/// Measures one stage: <c>using var t = CostTracker.Start("train", options);</c> … <c>t.Stop()</c>.
/// A background thread samples memory, RAPL and the RAM model every <see cref="CostOptions.SampleInterval"/>;
/// nvidia-smi samples GPUs in its own process. Disposing stops the tracker if <see cref="Stop"/> was not called.
/// </summary>
public sealed class CostTracker : IDisposable
{
    private readonly CostOptions _options;
    private readonly MachineInfo _machine;
    private readonly GridIntensity _grid;
    private readonly CpuPower _cpuPower;
    private readonly RaplReader? _rapl;
    private readonly NvidiaSmiSampler? _gpu;
    private readonly ProcStatus _proc = new();
    private readonly Stopwatch _clock;
    private readonly TimeSpan _cpuAtStart;
    private readonly long _allocatedAtStart;
    private readonly long _hwmAtStart;
    private readonly long _gcIndexAtStart;
    private readonly double _machineRamWatts;
    private readonly ManualResetEventSlim _stopSignal = new();
    private readonly Thread _sampler;
    private readonly object _stopGate = new();

    // Written by the sampler thread only, then read by Stop after it has joined that thread.
    private long _peakRss;
    private long _peakManaged;
    private int _peakThreads;
    private int _samples;
    private double _lastSampleSeconds;
    private double _ramModelJoules;
    private long _samplerTicks;

    private CostMeasurement? _measurement;

    private CostTracker(string stage, CostOptions options)
    {
        Stage = stage;
        _options = options;
        _machine = MachineInfo.Current;
        _grid = ResolveGrid(options);
        _cpuPower = CpuPowerModel.Resolve(_machine.CpuModel, _machine.LogicalCores, options.TdpWatts);
        _machineRamWatts = RamPowerModel.MachineWatts(_machine.RamTotalGib, RamPowerModel.IsArm);
        _rapl = options.UseRapl ? RaplReader.TryOpen(options.PowercapRoot) : null;

        var first = _proc.Read();
        _hwmAtStart = first.HwmBytes;
        _peakRss = first.RssBytes;
        _peakThreads = first.Threads;
        _gcIndexAtStart = GC.GetGCMemoryInfo().Index;
        _peakManaged = GC.GetTotalMemory(false);
        _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        using (var self = Process.GetCurrentProcess()) _cpuAtStart = self.TotalProcessorTime;

        _clock = Stopwatch.StartNew();
        _gpu = options.UseGpu ? NvidiaSmiSampler.TryStart(options.NvidiaSmiPath, options.SampleInterval, _clock) : null;
        _sampler = new Thread(SampleLoop) { IsBackground = true, Name = $"cost:{stage}", Priority = ThreadPriority.AboveNormal };
        _sampler.Start();
    }

    public string Stage { get; }

    /// <summary>The result once stopped, else null.</summary>
    public CostMeasurement? Measurement => _measurement;

    public static CostTracker Start(string stage, CostOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        options ??= CostOptions.Default;
        if (options.SampleInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), "CostOptions.SampleInterval must be positive.");
        if (options.Pue < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "CostOptions.Pue must be at least 1.");
        return new CostTracker(stage, options);
    }

    /// <summary>Stops sampling and returns the measurement (the same one on later calls); appends it to the CSV when configured.</summary>
    public CostMeasurement Stop()
    {
        lock (_stopGate)
        {
            if (_measurement is not null) return _measurement;
            _stopSignal.Set();
            _sampler.Join();
            Sample();
            double wall = _clock.Elapsed.TotalSeconds;
            TimeSpan cpu;
            using (var self = Process.GetCurrentProcess()) cpu = self.TotalProcessorTime - _cpuAtStart;
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtStart;
            var last = _proc.Read();
            // VmHWM is the process' lifetime peak: it belongs to this stage only if it rose during it.
            long peak = last.HwmBytes > _hwmAtStart ? Math.Max(_peakRss, last.HwmBytes) : _peakRss;
            var gpu = _gpu?.Stop() ?? (0, "", 0, 0L);

            double cpuJoules;
            double ramJoules;
            RamEnergyMethod ramMethod;
            if (_rapl is not null)
            {
                cpuJoules = _rapl.PackageJoules;
                (ramJoules, ramMethod) = _rapl.HasDram ? (_rapl.DramJoules, RamEnergyMethod.RaplDram) : ModelRam(wall);
            }
            else
            {
                cpuJoules = _cpuPower.WattsPerThread * cpu.TotalSeconds;
                (ramJoules, ramMethod) = ModelRam(wall);
            }

            const double JoulesPerKwh = 3.6e6;
            _measurement = new CostMeasurement
            {
                Stage = Stage,
                ProjectName = _options.ProjectName,
                RunId = _options.RunId ?? Guid.NewGuid(),
                EndedAt = DateTime.Now,
                WallSeconds = wall,
                CpuSeconds = cpu.TotalSeconds,
                PeakWorkingSetBytes = peak,
                PeakManagedHeapBytes = _peakManaged,
                AllocatedBytes = allocated,
                PeakThreads = Math.Max(_peakThreads, last.Threads),
                Samples = _samples,
                SamplerSeconds = (double)_samplerTicks / Stopwatch.Frequency,
                Method = _rapl is not null ? EnergyMethod.Rapl : _cpuPower.Method,
                RamMethod = ramMethod,
                CpuPowerBasis = _rapl is not null ? $"{_rapl.PackageCount} package zone(s)" : _cpuPower.Basis,
                CpuEnergyKwh = cpuJoules / JoulesPerKwh,
                GpuEnergyKwh = gpu.Joules / JoulesPerKwh,
                RamEnergyKwh = ramJoules / JoulesPerKwh,
                CpuModel = _machine.CpuModel,
                LogicalCores = _machine.LogicalCores,
                GpuCount = gpu.Count,
                GpuModel = gpu.Model,
                PeakGpuMemoryBytes = gpu.PeakMemoryBytes,
                RamTotalGb = _machine.RamTotalGib,
                CountryIso = _grid.Iso3,
                CountryName = _grid.Name,
                CarbonIntensityKgPerKwh = _grid.KgPerKwh,
                Pue = _options.Pue,
                Os = _machine.Os,
                RuntimeVersion = _machine.RuntimeVersion,
                ToolVersion = _machine.ToolVersion,
            };
            _stopSignal.Dispose();
            if (_options.EmissionsCsvPath is { } path) EmissionsCsv.Append(path, _measurement);
            return _measurement;
        }
    }

    public void Dispose() => Stop();

    private (double Joules, RamEnergyMethod Method) ModelRam(double wall) =>
        _options.RamModel == RamPowerModelKind.MachineDimms
            ? (_machineRamWatts * wall, RamEnergyMethod.MachineDimms)
            : (_ramModelJoules, RamEnergyMethod.ProcessRss);

    private void SampleLoop()
    {
        while (!_stopSignal.Wait(_options.SampleInterval)) Sample();
    }

    private void Sample()
    {
        long t0 = Stopwatch.GetTimestamp();
        var s = _proc.Read();
        double now = _clock.Elapsed.TotalSeconds;
        _ramModelJoules += RamPowerModel.ProcessWatts(s.RssBytes) * (now - _lastSampleSeconds);
        _lastSampleSeconds = now;
        _peakRss = Math.Max(_peakRss, s.RssBytes);
        _peakThreads = Math.Max(_peakThreads, s.Threads);
        _peakManaged = Math.Max(_peakManaged, GC.GetTotalMemory(false));
        var gc = GC.GetGCMemoryInfo();
        if (gc.Index > _gcIndexAtStart)
        {
            // The heap just before the last collection is the highest it has been since the one before.
            long before = 0;
            foreach (var g in gc.GenerationInfo) before += g.SizeBeforeBytes;
            _peakManaged = Math.Max(_peakManaged, before);
        }
        _rapl?.Sample();
        _samples++;
        _samplerTicks += Stopwatch.GetTimestamp() - t0;
    }

    private static GridIntensity ResolveGrid(CostOptions options)
    {
        if (options.CarbonIntensity is not { } kg) return CarbonIntensityTable.Find(options.Country);
        if (kg < 0) throw new ArgumentOutOfRangeException(nameof(options), "CostOptions.CarbonIntensity must not be negative.");
        var known = CarbonIntensityTable.Entries.FirstOrDefault(e =>
            e.Iso3.Equals(options.Country, StringComparison.OrdinalIgnoreCase) || e.Name.Equals(options.Country, StringComparison.OrdinalIgnoreCase));
        return known.Iso3 is null ? new GridIntensity(options.Country, options.Country, kg) : known with { KgPerKwh = kg };
    }
}
