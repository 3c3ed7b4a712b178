using System.Diagnostics;
using System.Globalization;

namespace Aderencia.Cost;

/// <summary>
/// Runs one long-lived <c>nvidia-smi --query-gpu=... -lms N</c> and integrates each GPU's power.draw over time
/// (trapezoids between samples, the first sample held back to the start, the last held to the stop).
/// GPU power is the whole board's, whoever uses it.
/// </summary>
internal sealed class NvidiaSmiSampler : IDisposable
{
    private const string Query = "index,name,power.draw,memory.used";
    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly object _gate = new();
    private readonly Dictionary<int, Gpu> _gpus = [];

    private NvidiaSmiSampler(Process process, Stopwatch clock)
    {
        _process = process;
        _clock = clock;
    }

    /// <summary>Starts sampling, or returns null when nvidia-smi is absent or cannot start.</summary>
    public static NvidiaSmiSampler? TryStart(string? executable, TimeSpan interval, Stopwatch clock)
    {
        executable ??= FindOnPath("nvidia-smi");
        if (executable is null || !File.Exists(executable)) return null;
        var psi = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        psi.ArgumentList.Add($"--query-gpu={Query}");
        psi.ArgumentList.Add("--format=csv,noheader,nounits");
        psi.ArgumentList.Add("-lms");
        psi.ArgumentList.Add(((int)Math.Max(50, interval.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture));
        try
        {
            var process = new Process { StartInfo = psi };
            var sampler = new NvidiaSmiSampler(process, clock);
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) sampler.OnLine(e.Data); };
            process.ErrorDataReceived += (_, _) => { };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return sampler;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }

    public int GpuCount { get { lock (_gate) return _gpus.Count; } }

    /// <summary>Stops sampling and returns joules, the "N x name" label codecarbon writes, the GPU count and peak memory.</summary>
    public (double Joules, string Model, int Count, long PeakMemoryBytes) Stop()
    {
        double now = _clock.Elapsed.TotalSeconds;
        Dispose();
        lock (_gate)
        {
            double joules = 0;
            long peak = 0;
            foreach (var g in _gpus.Values)
            {
                joules += g.Joules + g.LastWatts * Math.Max(0, now - g.LastSeconds);
                peak += g.PeakMemoryBytes;
            }
            var model = string.Join(", ", _gpus.Values.GroupBy(g => g.Name).Select(x => $"{x.Count()} x {x.Key}"));
            return (joules, model, _gpus.Count, peak);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
            _process.WaitForExit(2000);
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }

    private void OnLine(string line)
    {
        double now = _clock.Elapsed.TotalSeconds;
        if (!TryParse(line, out int index, out var name, out double watts, out double memMib)) return;
        lock (_gate)
        {
            if (!_gpus.TryGetValue(index, out var g))
            {
                g = new Gpu(name);
                _gpus[index] = g;
                g.Joules = watts * now;
            }
            else
            {
                g.Joules += 0.5 * (g.LastWatts + watts) * Math.Max(0, now - g.LastSeconds);
            }
            g.LastWatts = watts;
            g.LastSeconds = now;
            g.PeakMemoryBytes = Math.Max(g.PeakMemoryBytes, (long)(memMib * 1024 * 1024));
        }
    }

    /// <summary>Parses "0, NVIDIA H100 80GB HBM3, 71.23, 1024"; "[N/A]" or "[Not Supported]" readings count as 0.</summary>
    internal static bool TryParse(string line, out int index, out string name, out double watts, out double memoryMib)
    {
        index = 0; name = ""; watts = 0; memoryMib = 0;
        var parts = line.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length < 4 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out index)) return false;
        name = string.Join(", ", parts[1..^2]);
        _ = double.TryParse(parts[^2], NumberStyles.Float, CultureInfo.InvariantCulture, out watts);
        _ = double.TryParse(parts[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out memoryMib);
        return true;
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private sealed class Gpu(string name)
    {
        public string Name { get; } = name;
        public double Joules { get; set; }
        public double LastWatts { get; set; }
        public double LastSeconds { get; set; }
        public long PeakMemoryBytes { get; set; }
    }
}
