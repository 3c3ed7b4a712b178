using System.CommandLine;
using System.Diagnostics;
using Aderencia.Data;
using Aderencia.Domain;
using Aderencia.Models;
using Aderencia.Pipeline;
using Aderencia.Splits;

namespace Aderencia.Cli.Commands;

internal static class DemoCommand
{
    public static Command Build()
    {
        var outDir = new Option<string>("--out") { Description = "Folder for the demo's model and outputs.", DefaultValueFactory = _ => "aderencia-demo" };
        var cmd = new Command("demo",
            "The main job on the embedded LeanDL sample: train on the grouped split, report on its test part, " +
            "then map three unseen theses to every theme of their state with justifications.")
        { outDir };
        cmd.SetAction(r => CliErrors.Run(() => Run(r.GetValue(outDir)!)));
        return cmd;
    }

    private static int Run(string outDir)
    {
        var sw = Stopwatch.StartNew();
        Directory.CreateDirectory(outDir);
        var pairsPath = SampleData.PairsPath;
        var themesPath = SampleData.ThemesPath;
        Console.WriteLine("Aderência demo — embedded LeanDL sample (3,600 thesis × theme pairs, 1,200 theses, 16 states)");
        Console.WriteLine($"step 1/2: train and evaluate ({LogisticRegression.TypeName}, grouped split: no thesis in two parts)");
        var modelPath = Path.Combine(outDir, "model.adm");
        var run = new TrainRun(pairsPath, SplitProtocol.Grouped, SplitProtocols.DefaultSeed, new TrainOptions());
        run.Execute(modelPath, SectionEncoding.Float32, Path.Combine(outDir, "evaluation.json"), RunSession.WithDefaults("train", Path.Combine(outDir, "emissions.csv")));

        Console.WriteLine();
        Console.WriteLine("step 2/2: map three theses the model never saw to every theme of their state");
        var theses = run.Parts!.Test.Select(p => p.Production).DistinctBy(p => p.Id).DistinctBy(p => p.Uf).Take(3).ToList();
        var themes = ThemeTable.Load(themesPath);
        var mapped = ThemeMapper.Map(run.Model!, theses, themes);
        TableFiles.WriteAll(Path.Combine(outDir, "mapped.csv"), ThemeMapper.ToTable(mapped.Rows));
        foreach (var group in mapped.Rows.GroupBy(m => m.Thesis.Id))
        {
            var thesis = group.First().Thesis;
            Console.WriteLine();
            Console.WriteLine($"■ {thesis.Title} ({thesis.Uf}; {thesis.Program})");
            foreach (var m in group.Take(3))
            {
                Console.WriteLine($"  {m.Rank,2}. [{m.Prediction.Level.Label(),-5}] {m.Theme.Name}  (p = {m.Prediction.ProbBaixa:F2} / {m.Prediction.ProbMedia:F2} / {m.Prediction.ProbAlta:F2})");
                Console.WriteLine($"      {m.Prediction.Justification}");
            }
            int rest = group.Count() - 3;
            if (rest > 0) Console.WriteLine($"      … {rest} more themes of {thesis.Uf}, all in {Path.Combine(outDir, "mapped.csv")}");
        }
        Console.WriteLine();
        Console.WriteLine($"done in {sw.Elapsed.TotalSeconds:F1} s. Files in {outDir}/: model.adm, evaluation.json, mapped.csv, emissions.csv");
        Console.WriteLine($"next: aderencia predict --model {modelPath} --input YOUR_PAIRS.parquet --output predictions.parquet");
        return 0;
    }
}
