using System.Text.Json.Nodes;
using System.CommandLine;
using System.Diagnostics;
using Aderencia.Data;
using Aderencia.Domain;
using Aderencia.Pipeline;

namespace Aderencia.Cli.Commands;

internal static class PredictCommand
{
    public static Command Build()
    {
        var model = CommonOptions.Model();
        var input = new Option<string>("--input") { Description = "Pairs in the challenge schema (labels optional).", Required = true };
        var output = CommonOptions.Output();
        var noJustify = CommonOptions.NoJustification();
        var cmd = new Command("predict",
            "Grade every pair of a file: writes every input column plus nivel_previsto, prob_baixa, prob_media, prob_alta and justificativa.")
        { model, input, output, noJustify };
        var tracking = RunTracking.AddTo(cmd);
        cmd.SetAction(r => CliErrors.Run(() =>
        {
            var session = tracking.Begin(r, "predict");
            var sw = Stopwatch.StartNew();
            var cost = session.Track("predict");
            var modelPath = r.GetValue(model)!;
            var m = AdherenceModel.Load(modelPath);
            string inPath = r.GetValue(input)!, outPath = r.GetValue(output)!;
            var format = TableFormats.FromExtension(outPath);
            var rejects = new RejectSink();
            var data = ChallengeDataset.Load(inPath, rejects);
            bool justify = !r.GetValue(noJustify);
            var predictions = ProgressView.Run(view => PredictInChunks(m, data.Pairs.Select(p => p.Pair).ToList(), justify, data.Themes, view));
            TableFiles.WriteAll(outPath, PredictionColumns.Append(data.Source, data.SourceRows, predictions), format);
            var counts = predictions.GroupBy(p => p.Level).OrderBy(g => g.Key).Select(g => $"{g.Key.Label()} {g.Count():N0}");
            session.Stop(cost);
            Console.WriteLine($"predicted {predictions.Length:N0} pairs ({string.Join(", ", counts)}) in {sw.Elapsed.TotalSeconds:F2} s -> {outPath}");
            DataCommands.ReportRejects(outPath, rejects);
            var config = new JsonObject { ["model"] = Path.GetFullPath(modelPath), ["output"] = Path.GetFullPath(outPath), ["justify"] = justify };
            var metrics = new JsonObject { ["pairs"] = predictions.Length, ["rejected_rows"] = rejects.Count };
            foreach (var level in AdherenceLevels.All) metrics[level.ToString().ToLowerInvariant()] = predictions.Count(p => p.Level == level);
            session.Finish(config, inPath, metrics, modelPath);
            return 0;
        }));
        return cmd;
    }

    /// <summary>Chunks of pairs so the bar moves; each chunk still uses every thread.</summary>
    private static Prediction[] PredictInChunks(AdherenceModel m, List<Pair> pairs, bool justify, IReadOnlyList<Theme> peers, ProgressView view)
    {
        const int Chunk = 4096;
        var step = view.Step("predict", pairs.Count, "pairs");
        var result = new Prediction[pairs.Count];
        for (int start = 0; start < pairs.Count; start += Chunk)
        {
            int n = Math.Min(Chunk, pairs.Count - start);
            m.Predict(pairs.GetRange(start, n), justify: justify, peers: peers).CopyTo(result, start);
            step.Set(start + n, pairs.Count);
        }
        step.Complete();
        return result;
    }
}
