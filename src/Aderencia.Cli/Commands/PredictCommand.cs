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
        cmd.SetAction(r => CliErrors.Run(() =>
        {
            var sw = Stopwatch.StartNew();
            var m = AdherenceModel.Load(r.GetValue(model)!);
            string inPath = r.GetValue(input)!, outPath = r.GetValue(output)!;
            var format = TableFormats.FromExtension(outPath);
            var rejects = new RejectSink();
            var data = ChallengeDataset.Load(inPath, rejects);
            var predictions = m.Predict(data.Pairs.Select(p => p.Pair).ToList(), justify: !r.GetValue(noJustify), peers: data.Themes);
            TableFiles.WriteAll(outPath, PredictionColumns.Append(data.Source, data.SourceRows, predictions), format);
            var counts = predictions.GroupBy(p => p.Level).OrderBy(g => g.Key).Select(g => $"{g.Key.Label()} {g.Count():N0}");
            Console.WriteLine($"predicted {predictions.Length:N0} pairs ({string.Join(", ", counts)}) in {sw.Elapsed.TotalSeconds:F2} s -> {outPath}");
            DataCommands.ReportRejects(outPath, rejects);
            return 0;
        }));
        return cmd;
    }
}
