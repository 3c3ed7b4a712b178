using System.Runtime.InteropServices;

namespace Aderencia.Cost;

/// <summary>codecarbon's two RAM power heuristics (RAM has no power counter outside RAPL's dram zone).</summary>
internal static class RamPowerModel
{
    /// <summary>codecarbon 2.x: 3 W per 8 GiB of DDR3/DDR4.</summary>
    public const double WattsPerGib = 3.0 / 8.0;

    private const double Gib = 1024.0 * 1024 * 1024;

    public static double ProcessWatts(long rssBytes) => WattsPerGib * rssBytes / Gib;

    /// <summary>
    /// codecarbon 3.x machine mode: guess the DIMM count from the total size, charge 5 W per DIMM (1.5 W on ARM)
    /// with 90 %, 80 % and 70 % of that for DIMMs 5–8, 9–16 and beyond, and at least two DIMMs' worth.
    /// </summary>
    public static double MachineWatts(double totalGib, bool arm = false)
    {
        int dimms = EstimateDimms(totalGib);
        double perDimm = arm ? 1.5 : 5.0;
        double watts = perDimm * Math.Min(dimms, 4)
            + perDimm * 0.9 * Math.Clamp(dimms - 4, 0, 4)
            + perDimm * 0.8 * Math.Clamp(dimms - 8, 0, 8)
            + perDimm * 0.7 * Math.Max(dimms - 16, 0);
        return Math.Max(arm ? 3.0 : 2 * perDimm, watts);
    }

    public static bool IsArm => RuntimeInformation.OSArchitecture is Architecture.Arm or Architecture.Arm64;

    internal static int EstimateDimms(double totalGib)
    {
        if (totalGib <= 2) return 1;
        if (totalGib <= 16) return 2;
        if (totalGib <= 64) return 4;
        if (totalGib <= 128) return 8;
        foreach (var size in (ReadOnlySpan<int>)[128, 64, 32, 16, 8, 4])
            if (size <= totalGib / 8) return Math.Min((int)Math.Ceiling(totalGib / size), 32);
        return 8;
    }
}
