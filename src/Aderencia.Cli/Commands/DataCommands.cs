using System.CommandLine;
using System.Text.Json;
using Aderencia.Data;
using Aderencia.Data.Inspection;

namespace Aderencia.Cli.Commands;

internal static class DataCommands
{
    public static Command Build()
    {
        var data = new Command("data", "Inspect, convert and split data files (Parquet, CSV, JSONL; detected from content).");
        data.Subcommands.Add(Inspect());
        data.Subcommands.Add(Convert());
        data.Subcommands.Add(SplitCommand.Build());
        return data;
    }

    private static Command Inspect()
    {
        var file = new Argument<string>("FILE") { Description = "A pairs file, themes table or CAPES catalogue file." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var cmd = new Command("inspect", "Schema, row count, nulls per column, labels, themes per UF, pairs per thesis, text lengths.") { file, json };
        cmd.SetAction(r => CliErrors.Run(() =>
        {
            var report = DatasetInspector.Inspect(r.GetValue(file)!);
            if (r.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(report, JsonOutput.Indented));
            else InspectionPrinter.Print(report);
            return 0;
        }));
        return cmd;
    }

    private static Command Convert()
    {
        var input = new Argument<string>("IN") { Description = "Input file (format detected from content)." };
        var output = new Argument<string>("OUT") { Description = "Output file; .parquet, .csv or .jsonl chooses the format." };
        var cmd = new Command("convert", "Convert between Parquet, CSV and JSONL keeping every column.") { input, output };
        cmd.SetAction(r => CliErrors.Run(() =>
        {
            string inPath = r.GetValue(input)!, outPath = r.GetValue(output)!;
            var format = TableFormats.FromExtension(outPath);
            var rejects = new RejectSink();
            long rows = 0;
            using (var reader = TableFiles.OpenReader(inPath, rejects))
            using (var writer = TableFiles.CreateWriter(outPath, reader.Schema, format))
            {
                foreach (var batch in reader.ReadBatches())
                {
                    writer.Write(batch);
                    rows += batch.RowCount;
                }
                writer.Complete();
            }
            Console.WriteLine($"wrote {rows:N0} rows to {outPath}");
            ReportRejects(outPath, rejects);
            return 0;
        }));
        return cmd;
    }

    public static void ReportRejects(string outputPath, RejectSink rejects)
    {
        if (RejectsFile.WriteIfAny(outputPath, rejects) is not { } side) return;
        Console.Error.WriteLine($"warning: {rejects.Count:N0} rows rejected, listed in {side}; first: {rejects.Rows[0]}");
    }
}
