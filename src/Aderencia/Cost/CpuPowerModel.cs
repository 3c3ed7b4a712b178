using System.Globalization;
using System.Text;

namespace Aderencia.Cost;

/// <summary>Watts drawn per busy hardware thread, and where the figure came from.</summary>
internal readonly record struct CpuPower(double WattsPerThread, EnergyMethod Method, string Basis);

/// <summary>
/// codecarbon's "cpu load" idea for one process: power = TDP × (process CPU seconds / wall seconds / threads).
/// The threads are those of the CPU package in the table, not the logical cores the OS shows, so a 2-vCPU slice of
/// a 128-thread EPYC is charged 2/128 of its TDP, not all of it; on a machine that shows the whole CPU the two agree.
/// </summary>
internal static class CpuPowerModel
{
    /// <summary>codecarbon's POWER_CONSTANT: the TDP it assumes for a CPU missing from its table.</summary>
    public const double DefaultTdpWatts = 85;

    public static CpuPower Resolve(string cpuModel, int logicalCores, double? tdpOverride)
    {
        var c = CultureInfo.InvariantCulture;
        logicalCores = Math.Max(1, logicalCores);
        if (tdpOverride is { } tdp)
            return new CpuPower(tdp / logicalCores, EnergyMethod.CpuPowerModel,
                string.Create(c, $"TDP override {tdp:0.#} W / {logicalCores} threads = {tdp / logicalCores:0.##} W/thread"));
        if (Match(cpuModel) is { } hit)
            return new CpuPower(hit.TdpWatts / hit.Threads, EnergyMethod.CpuPowerModel,
                string.Create(c, $"'{hit.Pattern}' {hit.TdpWatts:0.#} W / {hit.Threads} threads = {hit.TdpWatts / hit.Threads:0.##} W/thread"));
        return new CpuPower(DefaultTdpWatts / logicalCores, EnergyMethod.CpuPowerModelDefaultTdp,
            string.Create(c, $"unknown CPU, default {DefaultTdpWatts:0} W / {logicalCores} threads = {DefaultTdpWatts / logicalCores:0.##} W/thread"));
    }

    /// <summary>The longest table pattern found in the model name as a whole token run (so "i9-14900k" does not match "i9-14900kf").</summary>
    public static CpuTdp? Match(string cpuModel)
    {
        var name = Normalize(cpuModel);
        CpuTdp? best = null;
        foreach (var e in CpuTdpTable.Entries)
        {
            if (best is { } b && b.Pattern.Length >= e.Pattern.Length) continue;
            if (ContainsToken(name, e.Pattern)) best = e;
        }
        return best;
    }

    /// <summary>Lower case, without "(R)", "(TM)" and the word "CPU", single spaces.</summary>
    internal static string Normalize(string cpuModel)
    {
        var s = cpuModel.ToLowerInvariant().Replace("(r)", " ").Replace("(tm)", " ");
        var sb = new StringBuilder(s.Length);
        foreach (var word in s.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word == "cpu") continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(word);
        }
        return sb.ToString();
    }

    private static bool ContainsToken(string name, string pattern)
    {
        for (int at = name.IndexOf(pattern, StringComparison.Ordinal); at >= 0; at = name.IndexOf(pattern, at + 1, StringComparison.Ordinal))
        {
            int end = at + pattern.Length;
            bool left = at == 0 || !char.IsLetterOrDigit(name[at - 1]);
            bool right = end == name.Length || !char.IsLetterOrDigit(name[end]);
            if (left && right) return true;
        }
        return false;
    }
}
