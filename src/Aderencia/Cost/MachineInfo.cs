using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Aderencia.Cost;

/// <summary>What codecarbon records about the machine, read once per process.</summary>
public sealed record MachineInfo(string CpuModel, int LogicalCores, double RamTotalGib, string Os, string RuntimeVersion, string ToolVersion)
{
    private static readonly Lazy<MachineInfo> Cached = new(Detect);

    public static MachineInfo Current => Cached.Value;

    private static MachineInfo Detect()
    {
        var cpu = RaplReader.TryReadText("/proc/cpuinfo") is { } info ? ParseCpuModel(info) : "";
        if (cpu.Length == 0) cpu = Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER") ?? "";
        var ramBytes = RaplReader.TryReadText("/proc/meminfo") is { } mem && ParseMemTotalKb(mem) is { } kb
            ? kb * 1024.0
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var version = typeof(MachineInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        int plus = version.IndexOf('+');
        if (plus >= 0) version = version[..plus];
        return new MachineInfo(
            cpu,
            Environment.ProcessorCount,
            ramBytes / (1024.0 * 1024 * 1024),
            $"{RuntimeInformation.OSDescription}-{RuntimeInformation.OSArchitecture}".Replace(' ', '-'),
            RuntimeInformation.FrameworkDescription,
            "aderencia-" + version);
    }

    /// <summary>The first "model name" of /proc/cpuinfo (x86), else "Model"/"Hardware" (ARM boards).</summary>
    internal static string ParseCpuModel(string cpuinfo)
    {
        string? fallback = null;
        foreach (var raw in cpuinfo.AsSpan().EnumerateLines())
        {
            int colon = raw.IndexOf(':');
            if (colon < 0) continue;
            var key = raw[..colon].Trim();
            var value = raw[(colon + 1)..].Trim().ToString();
            if (key.SequenceEqual("model name")) return value;
            if (fallback is null && (key.SequenceEqual("Model") || key.SequenceEqual("Hardware"))) fallback = value;
        }
        return fallback ?? "";
    }

    internal static long? ParseMemTotalKb(string meminfo)
    {
        foreach (var line in meminfo.AsSpan().EnumerateLines())
        {
            if (!line.StartsWith("MemTotal:")) continue;
            var digits = line["MemTotal:".Length..].Trim();
            int space = digits.IndexOf(' ');
            if (space > 0) digits = digits[..space];
            return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : null;
        }
        return null;
    }
}
