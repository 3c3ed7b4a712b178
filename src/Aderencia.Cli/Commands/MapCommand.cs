using System.Text.Json.Nodes;
using System.CommandLine;
using System.Diagnostics;
using Aderencia.Data;
using Aderencia.Domain;
using Aderencia.Pipeline;

namespace Aderencia.Cli.Commands;

internal static class MapCommand
{
    public static Command Build()
    {
        var model = CommonOptions.Model();
        var theses = new Option<string>("--theses") { Description = "Theses: challenge schema or the official CAPES catalogue schema.", Required = true };
        var themes = new Option<string>("--themes") { Description = "Themes table (tema_id, tema, uf_tema_info, palavras_chave) or a pairs file.", Required = true };
        var output = CommonOptions.Output();
        var minLevel = new Option<string>("--min-level") { Description = "Keep themes graded at least this level: BAIXA, MEDIA or ALTA.", DefaultValueFactory = _ => "BAIXA" };
        var noJustify = CommonOptions.NoJustification();
        var cmd = new Command("map",
            "Grade every theme of each thesis' state and rank them. Theses whose state has no themes are counted, " +
            "reported and listed in OUTPUT.unmapped.csv.")
        { model, theses, themes, output, minLevel, noJustify };
        var tracking = RunTracking.AddTo(cmd);
        cmd.SetAction(r => CliErrors.Run(() =>
        {
            var session = tracking.Begin(r, "map");
            var sw = Stopwatch.StartNew();
            var cost = session.Track("map");
            var modelPath = r.GetValue(model)!;
            var m = AdherenceModel.Load(modelPath);
            var outPath = r.GetValue(output)!;
            var format = TableFormats.FromExtension(outPath);
            var rejects = new RejectSink();
            var productions = ThesisSource.Load(r.GetValue(theses)!, rejects);
            var themeList = ThemeTable.Load(r.GetValue(themes)!, rejects);
            var result = ProgressView.Run(view =>
            {
                var step = view.Step("map", productions.Count, "theses");
                var mapped = ThemeMapper.Map(m, productions, themeList, AdherenceLevels.Parse(r.GetValue(minLevel)!),
                    justify: !r.GetValue(noJustify), progress: (done, total) => step.Set(done, total));
                step.Complete();
                return mapped;
            });
            TableFiles.WriteAll(outPath, ThemeMapper.ToTable(result.Rows), format);
            Console.WriteLine($"mapped {result.Theses - result.Unmapped.Count:N0} of {result.Theses:N0} theses to {result.Rows.Count:N0} graded themes in {sw.Elapsed.TotalSeconds:F2} s -> {outPath}");
            session.Stop(cost);
            ReportUnmapped(outPath, result.Unmapped);
            DataCommands.ReportRejects(outPath, rejects);
            var config = new JsonObject
            {
                ["model"] = Path.GetFullPath(modelPath), ["themes"] = Path.GetFullPath(r.GetValue(themes)!), ["output"] = Path.GetFullPath(outPath),
                ["min_level"] = r.GetValue(minLevel), ["justify"] = !r.GetValue(noJustify),
            };
            var metrics = new JsonObject { ["theses"] = result.Theses, ["unmapped"] = result.Unmapped.Count, ["graded_themes"] = result.Rows.Count };
            session.Finish(config, r.GetValue(theses), metrics, modelPath);
            return 0;
        }));
        return cmd;
    }

    private static void ReportUnmapped(string outPath, IReadOnlyList<Production> unmapped)
    {
        if (unmapped.Count == 0) return;
        var byUf = unmapped.GroupBy(p => p.Uf.Length == 0 ? "(no UF)" : p.Uf).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} {g.Count():N0}");
        var side = outPath + ".unmapped.csv";
        var schema = new TableSchema([new ColumnSchema("hash_id", DataKind.String), new ColumnSchema("nome_producao", DataKind.String), new ColumnSchema("uf", DataKind.String)]);
        TableFiles.WriteAll(side, new Table(schema, [
            new Column(schema[0], unmapped.Select(p => (object?)p.Id).ToArray()),
            new Column(schema[1], unmapped.Select(p => (object?)p.Title).ToArray()),
            new Column(schema[2], unmapped.Select(p => (object?)p.Uf).ToArray()),
        ]), TableFormat.Csv);
        Console.Error.WriteLine($"warning: {unmapped.Count:N0} theses are from states with no themes ({string.Join(", ", byUf)}); listed in {side}");
    }
}
