using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Aderencia.Runs;

namespace Aderencia.Cli.Commands;

/// <summary>`runs list | show | export`: read the registry that train, evaluate, predict and map write to.</summary>
internal static class RunsCommand
{
    public static Command Build()
    {
        var cmd = new Command("runs", "The runs registry: every train, evaluate, predict, map and compare run with its config, data, metrics and costs.");
        cmd.Subcommands.Add(List());
        cmd.Subcommands.Add(Show());
        cmd.Subcommands.Add(Export());
        return cmd;
    }

    private static Option<string?> Db() => new("--runs-db")
    {
        Description = $"Registry to read: a SQLite file or a postgres:// URL (default: ${RunStores.DatabaseVariable}, else {RunStores.DefaultSqlitePath}).",
    };

    private static Option<string?> CommandFilter() => new("--command") { Description = "Only runs of this command (train, evaluate, predict, map, compare)." };

    private static Command List()
    {
        var db = Db();
        var limit = new Option<int>("--limit") { Description = "At most this many runs, newest first (0: all).", DefaultValueFactory = _ => 20 };
        var command = CommandFilter();
        var cmd = new Command("list", "The newest runs as a table.") { db, limit, command };
        cmd.SetAction(r => CliErrors.Run(() =>
        {
            int n = r.GetValue(limit);
            if (n < 0) throw new ArgumentException("--limit must not be negative");
            using var store = Open(r.GetValue(db));
            var runs = store.List(new RunQuery(n == 0 ? null : n, r.GetValue(command)));
            var c = CultureInfo.InvariantCulture;
            var table = Out.Table("id", "started (UTC)", "command", "data", "model", "metric", "wall s", "kWh", "g CO2e");
            foreach (var run in runs)
                table.Row(run.ShortId, run.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", c), run.Command, Path.GetFileName(run.DataPath ?? ""),
                    Path.GetFileName(run.ModelPath ?? ""), HeadlineMetric(run), run.WallSeconds.ToString("0.##", c),
                    run.EnergyKwh.ToString("G3", c), (run.EmissionsKg * 1000).ToString("G3", c));
            Out.Console.Write(table);
            Console.WriteLine($"{runs.Count:N0} run(s) in {store.Location}");
            return 0;
        }));
        return cmd;
    }

    private static Command Show()
    {
        var db = Db();
        var id = new Argument<string>("id") { Description = "Run id or a unique prefix of it (as `runs list` shows)." };
        var cmd = new Command("show", "Every field of one run as JSON.") { db, id };
        cmd.SetAction(r => CliErrors.Run(() =>
        {
            using var store = Open(r.GetValue(db));
            var run = store.Find(r.GetValue(id)!)
                ?? throw new ArgumentException($"no run '{r.GetValue(id)}' in {store.Location}; `aderencia runs list` shows the recorded ones");
            Console.WriteLine(RunJson.ToJson(run).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }));
        return cmd;
    }

    private static Command Export()
    {
        var db = Db();
        var output = new Option<string>("--output") { Description = "File to write: .csv, .jsonl or .parquet (one row per run), or .json (full records).", Required = true };
        var command = CommandFilter();
        var cmd = new Command("export", "Write every run (or one command's) to a file.") { db, output, command };
        cmd.SetAction(r => CliErrors.Run(() =>
        {
            using var store = Open(r.GetValue(db));
            var runs = store.List(new RunQuery(null, r.GetValue(command)));
            var path = r.GetValue(output)!;
            RunExport.Write(path, runs);
            Console.WriteLine($"exported {runs.Count:N0} run(s) from {store.Location} -> {path}");
            return 0;
        }));
        return cmd;
    }

    private static IRunStore Open(string? db)
    {
        try
        {
            return RunStores.Open(RunStores.ResolveTarget(db));
        }
        catch (RunStoreException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    private static string HeadlineMetric(RunRecord run) =>
        run.Metrics["macro_f1"] is { } f1 ? string.Create(CultureInfo.InvariantCulture, $"macro-F1 {f1.GetValue<double>():F4}")
        : run.Metrics["pairs"] is { } pairs ? $"{pairs} pairs"
        : run.Metrics["theses"] is { } theses ? $"{theses} theses"
        : "";
}
