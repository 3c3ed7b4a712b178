namespace Aderencia.Cost;

/// <summary>Settings of a <see cref="CostTracker"/>; the defaults suit a run in Brazil on one machine.</summary>
public sealed record CostOptions
{
    public static CostOptions Default { get; } = new();

    /// <summary>Written to the project_name column.</summary>
    public string ProjectName { get; init; } = "aderencia";

    /// <summary>Run id shared by the rows of one run; a fresh one per tracker when null.</summary>
    public Guid? RunId { get; init; }

    /// <summary>How often the background sampler reads memory, RAPL and GPU counters.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>ISO 3166 alpha-3 code or English name of the country whose grid powers the run.</summary>
    public string Country { get; init; } = "BRA";

    /// <summary>kg CO2e per kWh; overrides the country table when set.</summary>
    public double? CarbonIntensity { get; init; }

    /// <summary>Power usage effectiveness of the data centre (1.0 for a desk machine).</summary>
    public double Pue { get; init; } = 1.0;

    /// <summary>Package power in watts of the whole CPU; overrides the TDP table (then spread over the logical cores seen).</summary>
    public double? TdpWatts { get; init; }

    public RamPowerModelKind RamModel { get; init; } = RamPowerModelKind.ProcessRss;

    /// <summary>Read RAPL counters when they are readable.</summary>
    public bool UseRapl { get; init; } = true;

    /// <summary>Root of the powercap tree; injectable for tests.</summary>
    public string PowercapRoot { get; init; } = "/sys/class/powercap";

    /// <summary>Sample NVIDIA GPUs through nvidia-smi when it is on the PATH.</summary>
    public bool UseGpu { get; init; } = true;

    /// <summary>Explicit nvidia-smi executable; searched on the PATH when null.</summary>
    public string? NvidiaSmiPath { get; init; }

    /// <summary>When set, <see cref="CostTracker.Stop"/> appends the measurement to this emissions.csv.</summary>
    public string? EmissionsCsvPath { get; init; }
}
