using System.CommandLine;
using Aderencia.Data;
using Aderencia.Splits;

namespace Aderencia.Cli.Commands;

internal static class SplitCommand
{
    public static Command Build()
    {
        var input = new Argument<string>("IN") { Description = "A pairs file in the challenge schema (Parquet, CSV or JSONL)." };
        var outDir = new Argument<string>("OUTDIR") { Description = "Folder for train, eval and test files (same format as IN)." };
        var protocol = CommonOptions.Protocol("leandl2025");
        var seed = CommonOptions.Seed();
        var cmd = new Command("split",
            "Write OUTDIR/train, eval and test with rows unchanged. leandl2025: the organizers' split (null labels dropped), each part in " +
            "the order their code yields it. grouped: no thesis in two parts (80/10/10, stratified by label), input order.")
        { input, outDir, protocol, seed };
        cmd.SetAction(r => CliErrors.Run(() =>
        {
            string inPath = r.GetValue(input)!, dir = r.GetValue(outDir)!;
            var p = SplitProtocols.Parse(r.GetValue(protocol)!);
            if (p == SplitProtocol.None) throw new ArgumentException("split needs --protocol leandl2025 or grouped");
            var format = TableFormats.DetectFromContent(inPath);
            var table = TableFiles.ReadAll(inPath);
            var split = SplitProtocols.Split(table, p, r.GetValue(seed), inPath);
            foreach (var (name, rows) in new[] { ("train", split.Train), ("eval", split.Eval), ("test", split.Test) })
            {
                var path = Path.Combine(dir, name + format.Extension());
                TableFiles.WriteAll(path, table.Take(rows), format);
                Console.WriteLine($"{name,-5} {rows.Length,8:N0} rows -> {path}");
            }
            int dropped = table.RowCount - split.Count;
            if (dropped > 0) Console.WriteLine($"{dropped:N0} rows without a label were left out, as the protocol says");
            return 0;
        }));
        return cmd;
    }
}
