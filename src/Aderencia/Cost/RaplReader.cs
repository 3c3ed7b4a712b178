using System.Globalization;

namespace Aderencia.Cost;

/// <summary>
/// Accumulates energy from the RAPL zones of a powercap tree: every package zone ("package-N") and its "dram"
/// subzone. Counters are in microjoules and wrap at max_energy_range_uj, so <see cref="Sample"/> must run more
/// often than the wrap period (minutes at full load); each call adds the delta since the previous one.
/// </summary>
public sealed class RaplReader
{
    private readonly Zone[] _packages;
    private readonly Zone[] _drams;

    private RaplReader(Zone[] packages, Zone[] drams)
    {
        _packages = packages;
        _drams = drams;
    }

    public int PackageCount => _packages.Length;
    public bool HasDram => _drams.Length > 0;
    public double PackageJoules => Sum(_packages) * 1e-6;
    public double DramJoules => Sum(_drams) * 1e-6;

    /// <summary>The package and dram zones under <paramref name="root"/> whose counters are readable, or null when none is.</summary>
    public static RaplReader? TryOpen(string root)
    {
        if (!Directory.Exists(root)) return null;
        var packages = new List<Zone>();
        var drams = new List<Zone>();
        foreach (var dir in Directory.EnumerateDirectories(root, "intel-rapl:*").Order(StringComparer.Ordinal))
        {
            var name = TryReadText(Path.Combine(dir, "name"));
            if (name is null) continue;
            var kind = name.StartsWith("package", StringComparison.Ordinal) ? packages
                : name == "dram" ? drams : null;
            if (kind is null) continue;
            var zone = Zone.TryOpen(dir);
            if (zone is not null) kind.Add(zone);
        }
        return packages.Count == 0 ? null : new RaplReader([.. packages], [.. drams]);
    }

    public void Sample()
    {
        foreach (var z in _packages) z.Sample();
        foreach (var z in _drams) z.Sample();
    }

    private static double Sum(Zone[] zones)
    {
        double s = 0;
        foreach (var z in zones) s += z.AccumulatedMicrojoules;
        return s;
    }

    internal static string? TryReadText(string path)
    {
        try { return File.ReadAllText(path).Trim(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>Delta of a wrapping counter: after a wrap the counter restarted from 0 having passed <paramref name="maxRange"/>.</summary>
    internal static long Delta(long previous, long current, long maxRange) =>
        current >= previous ? current - previous : maxRange - previous + current;

    private sealed class Zone
    {
        private readonly string _energyPath;
        private readonly long _maxRange;
        private long _last;

        private Zone(string energyPath, long maxRange, long first)
        {
            _energyPath = energyPath;
            _maxRange = maxRange;
            _last = first;
        }

        public double AccumulatedMicrojoules { get; private set; }

        public static Zone? TryOpen(string dir)
        {
            var energyPath = Path.Combine(dir, "energy_uj");
            var first = ReadLong(energyPath);
            var max = ReadLong(Path.Combine(dir, "max_energy_range_uj"));
            return first is null || max is null ? null : new Zone(energyPath, max.Value, first.Value);
        }

        public void Sample()
        {
            if (ReadLong(_energyPath) is not { } now) return;
            AccumulatedMicrojoules += Delta(_last, now, _maxRange);
            _last = now;
        }

        private static long? ReadLong(string path) =>
            TryReadText(path) is { } s && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
