using System.Globalization;

namespace Aderencia.Bench;

internal static class PeakMemory
{
    /// <summary>This process's peak resident set (VmHWM), in bytes; 0 where /proc is missing.</summary>
    public static long HighWaterMarkBytes()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return 0;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var kb = line.AsSpan(6).Trim();
            if (kb.EndsWith("kB")) kb = kb[..^2].Trim();
            return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
        }
        return 0;
    }
}
