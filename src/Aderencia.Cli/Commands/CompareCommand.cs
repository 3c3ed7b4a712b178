using System.CommandLine;
using Aderencia.Data;
using Aderencia.Pipeline;
using Aderencia.Reports;
using Aderencia.Splits;
using Spectre.Console;

namespace Aderencia.Cli.Commands;

internal static class CompareCommand
{
    public static Command Build()
    {
        var data = new Option<string?>("--data") { Description = "Pairs file in the challenge schema; default: the embedded sample." };
        var protocol = CommonOptions.Protocol("grouped");
        var seed = CommonOptions.Seed();
        var config = new Option<string?>("--config") { Description = "JSON or YAML list of model configurations (see docs/compare.md); default: the built-in list." };
        var output = new Option<string>("--out") { Description = "Folder for report.html, report.md, ranking.json and emissions.csv.", Required = true };
        var cmd = new Command("compare",
            "Train and evaluate several models on the same split, measuring time, memory, size, energy and CO2; " +
            "rank them by macro-F1, mark the Pareto front of macro-F1 vs energy and write the reports.")
        { data, protocol, seed, config, output };
        var tracking = RunTracking.AddRegistryTo(cmd);
        cmd.SetAction(r => CliErrors.Run(() =>
        {
            var session = tracking.Begin(r, "compare");
            var models = r.GetValue(config) is { } configPath ? CompareConfigFile.Load(configPath) : CompareDefaults.Models();
            var path = r.GetValue(data) ?? SampleData.PairsPath;
            var name = r.GetValue(data) is null ? "embedded LeanDL sample" : Path.GetFileName(path);
            var rejects = new RejectSink();
            var dataset = ChallengeDataset.Load(path, rejects);
            if (rejects.Count > 0) Console.Error.WriteLine($"warning: {rejects.Count:N0} rows of {name} could not be used; first: {rejects.Rows[0]}");
            Terminal.Status($"compare: {models.Count} models on {name} ({dataset.Pairs.Count:N0} pairs)");
            var split = SplitProtocols.Parse(r.GetValue(protocol)!);
            var outcome = ProgressView.Run(view =>
            {
                var step = view.Step("compare", models.Count, "models");
                var done = CompareRun.Run(dataset, name, split, r.GetValue(seed), models, view.Log, progress: (n, total) => step.Set(n, total));
                step.Complete();
                return done;
            });
            var files = CompareOutputs.Write(r.GetValue(output)!, outcome);
            PrintRanking(outcome.Comparison);
            Console.WriteLine();
            Console.WriteLine($"{outcome.Comparison.Models.Count} models in {outcome.Comparison.Context.TotalSeconds:F1} s; wrote {string.Join(", ", files)}");
            foreach (var m in outcome.Measurements) session.Add(m);
            var record = new System.Text.Json.Nodes.JsonObject
            {
                ["protocol"] = r.GetValue(protocol),
                ["seed"] = r.GetValue(seed),
                ["config"] = r.GetValue(config) is { } cp ? Path.GetFullPath(cp) : "default list",
                ["models"] = new System.Text.Json.Nodes.JsonArray(models.Select(m => (System.Text.Json.Nodes.JsonNode)m.Name).ToArray()),
            };
            var ranking = System.Text.Json.Nodes.JsonNode.Parse(RankingJson.Serialize(outcome.Comparison))?.AsObject();
            session.Finish(record, r.GetValue(data), ranking);
            return 0;
        }));
        return cmd;
    }

    private static void PrintRanking(Comparison c)
    {
        if (!Terminal.Interactive)
        {
            Console.Write(RankingTable.Markdown(RankingTable.Rows(c)));
            return;
        }
        var table = Out.Table([.. RankingTable.Headers]);
        foreach (var row in RankingTable.Rows(c)) table.Row(row);
        table.Caption(new TableTitle("★ Pareto front of macro-F1 vs energy. Reference rows (organizers, real data, not comparable) are in report.md / report.html."));
        Out.Console.Write(table);
    }
}
