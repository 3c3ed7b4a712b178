using System.Globalization;

namespace Aderencia.Cost;

/// <summary>
/// Time, memory, energy and carbon of one stage. Energies are raw (before PUE); powers are means over the stage.
/// Units: seconds, bytes, watts, kWh, kg CO2e.
/// </summary>
public sealed record CostMeasurement
{
    public required string Stage { get; init; }
    public required string ProjectName { get; init; }
    public required Guid RunId { get; init; }

    /// <summary>Local wall-clock time at which the stage ended (codecarbon writes local time without offset).</summary>
    public required DateTime EndedAt { get; init; }

    public required double WallSeconds { get; init; }
    public required double CpuSeconds { get; init; }
    public long PeakWorkingSetBytes { get; init; }
    public long PeakManagedHeapBytes { get; init; }
    public long AllocatedBytes { get; init; }
    public int PeakThreads { get; init; }
    public int Samples { get; init; }

    /// <summary>Time the background sampler spent reading counters; its share of the wall time is the overhead.</summary>
    public double SamplerSeconds { get; init; }

    public required EnergyMethod Method { get; init; }
    public required RamEnergyMethod RamMethod { get; init; }

    /// <summary>What the CPU figure rests on, e.g. "i9-14900KF 125 W / 32 threads = 3.91 W/thread".</summary>
    public string CpuPowerBasis { get; init; } = "";

    public double CpuEnergyKwh { get; init; }
    public double GpuEnergyKwh { get; init; }
    public double RamEnergyKwh { get; init; }

    public string CpuModel { get; init; } = "";
    public int LogicalCores { get; init; }
    public int GpuCount { get; init; }
    public string GpuModel { get; init; } = "";
    public long PeakGpuMemoryBytes { get; init; }
    public double RamTotalGb { get; init; }

    public string CountryIso { get; init; } = "";
    public string CountryName { get; init; } = "";
    public double CarbonIntensityKgPerKwh { get; init; }
    public double Pue { get; init; } = 1.0;

    public string Os { get; init; } = "";
    public string RuntimeVersion { get; init; } = "";
    public string ToolVersion { get; init; } = "";

    public double EnergyKwh => (CpuEnergyKwh + GpuEnergyKwh + RamEnergyKwh) * Pue;
    public double EmissionsKg => EnergyKwh * CarbonIntensityKgPerKwh;
    public double EmissionsRateKgPerSecond => WallSeconds > 0 ? EmissionsKg / WallSeconds : 0;
    public double CpuPowerWatts => MeanWatts(CpuEnergyKwh);
    public double GpuPowerWatts => MeanWatts(GpuEnergyKwh);
    public double RamPowerWatts => MeanWatts(RamEnergyKwh);

    private double MeanWatts(double kwh) => WallSeconds > 0 ? kwh * 3.6e6 / WallSeconds : 0;

    /// <summary>One line for logs, e.g. "train: 12.3 s wall, 22.1 s CPU, peak 312 MB, 0.00041 kWh (cpu model: ...), 0.04 g CO2e".</summary>
    public string Summary()
    {
        var c = CultureInfo.InvariantCulture;
        var gpu = GpuCount > 0 ? string.Create(c, $", {GpuCount} GPU {GpuPowerWatts:0.#} W") : "";
        return string.Create(c,
            $"{Stage}: {WallSeconds:0.###} s wall, {CpuSeconds:0.###} s CPU, peak {PeakWorkingSetBytes / 1e6:0} MB, " +
            $"{EnergyKwh:G3} kWh ({MethodLabel}: {CpuPowerBasis}{gpu}), {EmissionsKg * 1000:G3} g CO2e");
    }

    private string MethodLabel => Method switch
    {
        EnergyMethod.Rapl => "rapl",
        EnergyMethod.CpuPowerModel => "cpu model",
        _ => "cpu model, default TDP",
    };
}
