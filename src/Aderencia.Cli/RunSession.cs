using System.Globalization;
using System.Text.Json.Nodes;
using Aderencia.Cost;
using Aderencia.Data;
using Aderencia.Runs;

namespace Aderencia.Cli;

/// <summary>
/// One measured invocation: tracks stages (sharing the run id with emissions.csv), appends them there, prints a
/// one-line cost summary on stderr and records the run. Neither emissions.csv nor the registry can fail the command.
/// </summary>
internal sealed class RunSession(string command, CostOptions costs, string? emissionsPath, RunRecorder recorder)
{
    private readonly List<CostMeasurement> _stages = [];
    private readonly CostOptions _costs = costs with { RunId = Guid.NewGuid(), EmissionsCsvPath = null };
    private readonly DateTime _startedAt = DateTime.UtcNow;
    private bool _emissionsFailed;

    /// <summary>Defaults for commands without the options (demo): emissions.csv at <paramref name="emissionsPath"/>.</summary>
    public static RunSession WithDefaults(string command, string? emissionsPath) =>
        new(command, CostOptions.Default, emissionsPath, RunRecorder.FromEnvironment());

    public Guid Id => _costs.RunId!.Value;

    public IReadOnlyList<CostMeasurement> Stages => _stages;

    public CostTracker Track(string stage) => CostTracker.Start(stage, _costs);

    /// <summary>Stops <paramref name="tracker"/>, keeps its measurement and appends it to emissions.csv.</summary>
    public CostMeasurement Stop(CostTracker tracker)
    {
        var m = tracker.Stop();
        _stages.Add(m);
        if (emissionsPath is not null && !_emissionsFailed)
        {
            try { EmissionsCsv.Append(emissionsPath, m); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DataFormatException)
            {
                _emissionsFailed = true;
                Console.Error.WriteLine($"warning: emissions not appended to {emissionsPath}: {e.Message}");
            }
        }
        return m;
    }

    /// <summary>Keeps a stage measured elsewhere (compare measures its own) for the run's record.</summary>
    public void Add(CostMeasurement measured) => _stages.Add(measured);

    /// <summary>Prints the cost line and records the run (config, data file, metrics, model file).</summary>
    public void Finish(JsonObject config, string? dataPath, JsonObject? metrics = null, string? modelPath = null)
    {
        var run = new RunRecord
        {
            Id = Id,
            StartedAt = _startedAt,
            Command = command,
            Config = config,
            DataPath = dataPath is null ? null : Path.GetFullPath(dataPath),
            DataFingerprint = dataPath is not null && File.Exists(dataPath) ? Fingerprint.OfFile(dataPath) : null,
            Metrics = metrics ?? new JsonObject(),
            Costs = _stages,
            ModelPath = modelPath is null ? null : Path.GetFullPath(modelPath),
            ModelBytes = modelPath is not null && File.Exists(modelPath) ? new FileInfo(modelPath).Length : null,
        };
        bool recorded = recorder.Record(run);
        Console.Error.WriteLine(Summary(run, recorded));
    }

    private string Summary(RunRecord run, bool recorded)
    {
        var c = CultureInfo.InvariantCulture;
        var method = _stages.Count == 0 ? "" : _stages[0].Method == EnergyMethod.Rapl ? "rapl" : "cpu model";
        var where = emissionsPath is not null && !_emissionsFailed ? $" -> {emissionsPath}" : "";
        var id = recorded ? $"; run {run.ShortId}" : "";
        return string.Create(c,
            $"cost: {run.WallSeconds:0.##} s wall, {run.CpuSeconds:0.##} s CPU, peak {run.PeakWorkingSetBytes / 1048576.0:0} MB, " +
            $"{run.EnergyKwh:G3} kWh ({method}), {run.EmissionsKg * 1000:G3} g CO2e{where}{id}");
    }
}
