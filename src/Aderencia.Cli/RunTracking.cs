using System.CommandLine;
using Aderencia.Cost;
using Aderencia.Runs;

namespace Aderencia.Cli;

/// <summary>
/// The options every measured command shares (registry, emissions.csv, grid) and the per-invocation
/// <see cref="RunSession"/> they configure.
/// </summary>
internal sealed class RunTracking
{
    public const string DefaultEmissionsFile = "emissions.csv";

    private readonly Option<string?> _runsDb = new("--runs-db")
    {
        Description = $"Runs registry: a SQLite file or a postgres:// URL (default: ${RunStores.DatabaseVariable}, else {RunStores.DefaultSqlitePath}).",
    };
    private readonly Option<bool> _noRecord = new("--no-record") { Description = $"Do not record this run in the registry (or set {RunStores.DisableVariable}=1)." };
    private readonly Option<string> _emissions = new("--emissions")
    {
        Description = "codecarbon emissions.csv to append this run's measured stages to.",
        DefaultValueFactory = _ => DefaultEmissionsFile,
    };
    private readonly Option<bool> _noEmissions = new("--no-emissions") { Description = "Do not append to an emissions.csv." };
    private readonly Option<string> _country = new("--country")
    {
        Description = "ISO 3166 alpha-3 code or English name of the grid's country, for its carbon intensity.",
        DefaultValueFactory = _ => CostOptions.Default.Country,
    };
    private readonly Option<double?> _intensity = new("--carbon-intensity") { Description = "Grid carbon intensity in kg CO2e per kWh (overrides --country's)." };
    private readonly Option<double> _interval = new("--sample-interval")
    {
        Description = "Seconds between the cost tracker's background samples of memory and energy counters.",
        DefaultValueFactory = _ => CostOptions.Default.SampleInterval.TotalSeconds,
    };

    private bool _registryOnly;

    /// <summary>Adds the shared options to <paramref name="command"/>.</summary>
    public static RunTracking AddTo(Command command)
    {
        var t = new RunTracking();
        foreach (var o in (Option[])[t._runsDb, t._noRecord, t._emissions, t._noEmissions, t._country, t._intensity, t._interval])
            command.Options.Add(o);
        return t;
    }

    /// <summary>Adds only the registry options, for a command that writes its own emissions.csv (compare).</summary>
    public static RunTracking AddRegistryTo(Command command)
    {
        var t = new RunTracking { _registryOnly = true };
        command.Options.Add(t._runsDb);
        command.Options.Add(t._noRecord);
        return t;
    }

    public RunSession Begin(ParseResult r, string command)
    {
        if (_registryOnly)
            return new RunSession(command, CostOptions.Default, null, RunRecorder.FromEnvironment(r.GetValue(_runsDb), r.GetValue(_noRecord)));
        double interval = r.GetValue(_interval);
        if (!(interval > 0)) throw new ArgumentException($"--sample-interval must be a positive number of seconds, not {interval}");
        var costs = new CostOptions
        {
            Country = r.GetValue(_country)!,
            CarbonIntensity = r.GetValue(_intensity),
            SampleInterval = TimeSpan.FromSeconds(interval),
        };
        if (costs.CarbonIntensity is < 0) throw new ArgumentException("--carbon-intensity must not be negative");
        if (costs.CarbonIntensity is null)
        {
            try { CarbonIntensityTable.Find(costs.Country); }
            catch (ArgumentException) { throw new ArgumentException($"--country '{costs.Country}' is not in the carbon intensity table ({string.Join(", ", CarbonIntensityTable.Entries.Select(e => e.Iso3))}); pass --carbon-intensity KG_PER_KWH for another grid"); }
        }
        var emissions = r.GetValue(_noEmissions) ? null : r.GetValue(_emissions);
        return new RunSession(command, costs, emissions, RunRecorder.FromEnvironment(r.GetValue(_runsDb), r.GetValue(_noRecord)));
    }
}
