namespace Aderencia.Cost;

/// <summary>How the CPU energy of a measurement was obtained.</summary>
public enum EnergyMethod
{
    /// <summary>Measured by the RAPL package counters under /sys/class/powercap (whole machine).</summary>
    Rapl,

    /// <summary>Estimated: watts per hardware thread (TDP / threads of the detected CPU) × the process' CPU seconds.</summary>
    CpuPowerModel,

    /// <summary>Estimated like <see cref="CpuPowerModel"/> but the CPU model is unknown, so codecarbon's default TDP was used.</summary>
    CpuPowerModelDefaultTdp,
}

/// <summary>How the RAM energy of a measurement was obtained.</summary>
public enum RamEnergyMethod
{
    /// <summary>Measured by the RAPL dram subzone (whole machine).</summary>
    RaplDram,

    /// <summary>codecarbon 2.x heuristic, 3 W per 8 GiB (0.375 W/GiB), applied to the process' sampled resident set.</summary>
    ProcessRss,

    /// <summary>codecarbon 3.x heuristic, about 5 W per estimated DIMM, applied to the machine's total RAM.</summary>
    MachineDimms,
}

/// <summary>Which RAM power model to use when RAPL has no dram zone.</summary>
public enum RamPowerModelKind
{
    ProcessRss,
    MachineDimms,
}
