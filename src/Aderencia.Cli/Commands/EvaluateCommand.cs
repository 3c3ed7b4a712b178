using System.Text.Json.Nodes;
using System.CommandLine;
using Aderencia.Data;
using Aderencia.Evaluation;
using Aderencia.Pipeline;
using Aderencia.Splits;

namespace Aderencia.Cli.Commands;

internal static class EvaluateCommand
{
    public static Command Build()
    {
        var model = CommonOptions.Model();
        var data = new Option<string>("--data") { Description = "Labelled pairs (challenge schema).", Required = true };
        var protocol = CommonOptions.Protocol("none");
        var seed = CommonOptions.Seed();
        var json = new Option<string?>("--json") { Description = "Write the evaluation as JSON to this file." };
        var report = new Option<string?>("--report") { Description = "Also write a report: .html (charts) or .md." };
        var cmd = new Command("evaluate",
            "Score a model on labelled pairs: every row (--protocol none) or the test part of a split; prints a " +
            "scikit-learn style report, binary views, kappa, bootstrap intervals, per-UF/theme breakdowns and the worst confusions.")
        { model, data, protocol, seed, json, report };
        var tracking = RunTracking.AddTo(cmd);
        cmd.SetAction(r => CliErrors.Run(() =>
        {
            var session = tracking.Begin(r, "evaluate");
            var modelPath = r.GetValue(model)!;
            var m = AdherenceModel.Load(modelPath);
            var rejects = new RejectSink();
            var path = r.GetValue(data)!;
            var dataset = ChallengeDataset.Load(path, rejects);
            var parts = DataParts.From(dataset, SplitProtocols.Parse(r.GetValue(protocol)!), r.GetValue(seed));
            var rows = parts.Protocol == SplitProtocol.None ? parts.Train : parts.Test;
            if (rows.Count == 0) throw new ArgumentException($"{Path.GetFileName(path)}: no labelled pairs to evaluate");
            var cost = session.Track("evaluate");
            var result = ModelEvaluation.Evaluate(m, rows);
            session.Stop(cost);
            Console.WriteLine($"{m.Type} model on {rows.Count:N0} pairs of {Path.GetFileName(path)} ({parts.Protocol.Name()}):");
            Console.WriteLine(result.ToString());
            if (r.GetValue(json) is { } jsonPath) IO.AtomicFile.WriteAllText(jsonPath, EvaluationJson.Serialize(result));
            if (r.GetValue(report) is { } reportPath)
                Reports.ReportFile.WriteEvaluation(reportPath, result, $"{m.Type} model on {Path.GetFileName(path)}",
                    [$"{rows.Count:N0} pairs ({parts.Protocol.Name()}), model {Path.GetFileName(r.GetValue(model)!)}."]);
            if (rejects.Count > 0) Console.Error.WriteLine($"warning: {rejects.Count:N0} rows could not be used; first: {rejects.Rows[0]}");
            var config = new JsonObject { ["model"] = Path.GetFullPath(modelPath), ["protocol"] = parts.Protocol.Name(), ["seed"] = r.GetValue(seed) };
            session.Finish(config, path, CostCard.Metrics(result), modelPath);
            return 0;
        }));
        return cmd;
    }
}
