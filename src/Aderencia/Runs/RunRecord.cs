using System.Text.Json.Nodes;
using Aderencia.Cost;

namespace Aderencia.Runs;

/// <summary>
/// One recorded command: what ran (command, full configuration), on what (data file and its fingerprint), what it
/// gave (metrics, model file), what it cost (every measured stage) and where (tool, runtime, OS, CPU).
/// </summary>
public sealed record RunRecord
{
    /// <summary>Shared with the run_id column the run's stages write to emissions.csv.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>UTC.</summary>
    public DateTime StartedAt { get; init; } = DateTime.UtcNow;

    /// <summary>train, evaluate, predict, map or compare.</summary>
    public required string Command { get; init; }

    public int ExitCode { get; init; }
    public JsonObject Config { get; init; } = new();
    public string? DataPath { get; init; }

    /// <summary>As <see cref="Data.Fingerprint.OfFile"/> writes it.</summary>
    public string? DataFingerprint { get; init; }

    public JsonObject Metrics { get; init; } = new();
    public IReadOnlyList<CostMeasurement> Costs { get; init; } = [];
    public string? ModelPath { get; init; }
    public long? ModelBytes { get; init; }

    public string ToolVersion { get; init; } = MachineInfo.Current.ToolVersion;
    public string RuntimeVersion { get; init; } = MachineInfo.Current.RuntimeVersion;
    public string Os { get; init; } = MachineInfo.Current.Os;
    public string Cpu { get; init; } = MachineInfo.Current.CpuModel;

    public double WallSeconds => Costs.Sum(c => c.WallSeconds);
    public double CpuSeconds => Costs.Sum(c => c.CpuSeconds);
    public double EnergyKwh => Costs.Sum(c => c.EnergyKwh);
    public double EmissionsKg => Costs.Sum(c => c.EmissionsKg);
    public long PeakWorkingSetBytes => Costs.Count == 0 ? 0 : Costs.Max(c => c.PeakWorkingSetBytes);

    /// <summary>The first 8 hex digits of <see cref="Id"/>: what `runs list` shows and `runs show` accepts.</summary>
    public string ShortId => Id.ToString("N")[..8];
}
