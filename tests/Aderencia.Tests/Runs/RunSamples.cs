using System.Text.Json.Nodes;
using Aderencia.Cost;
using Aderencia.Runs;

namespace Aderencia.Tests.Runs;

internal static class RunSamples
{
    public static CostMeasurement Cost(string stage, double wall, double cpuKwh) => new()
    {
        Stage = stage,
        ProjectName = "aderencia",
        RunId = Guid.NewGuid(),
        EndedAt = new DateTime(2026, 1, 2, 3, 4, 5),
        WallSeconds = wall,
        CpuSeconds = 2 * wall,
        PeakWorkingSetBytes = 100_000_000,
        Method = EnergyMethod.CpuPowerModel,
        RamMethod = RamEnergyMethod.ProcessRss,
        CpuEnergyKwh = cpuKwh,
        RamEnergyKwh = cpuKwh / 10,
        CarbonIntensityKgPerKwh = 0.1,
        CountryIso = "BRA",
    };

    public static RunRecord Run(string command, int minute, double macroF1 = 0.5) => new()
    {
        StartedAt = new DateTime(2026, 1, 2, 3, minute, 0, DateTimeKind.Utc),
        Command = command,
        Config = new JsonObject { ["c"] = 0.5, ["type"] = "logistic" },
        DataPath = "/data/pairs.parquet",
        DataFingerprint = "sha256:0123456789abcdef",
        Metrics = new JsonObject { ["macro_f1"] = macroF1 },
        Costs = [Cost("load", 1, 1e-6), Cost(command, 3, 3e-6)],
        ModelPath = "/models/m.adm",
        ModelBytes = 4096,
    };
}
