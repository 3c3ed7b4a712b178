using System.Diagnostics;
using System.Globalization;
using Aderencia.Cost;
using Aderencia.Data;
using Aderencia.Features;
using Aderencia.Models;
using Aderencia.Pipeline;
using Aderencia.Splits;

namespace Aderencia.Bench;

/// <summary>
/// Compares learners on the grouped split: training cost, one-core inference rate over pre-featurized rows,
/// model size, validation macro-F1 (what defaults may be tuned on) and test macro-F1.
/// </summary>
internal static class LearnersBench
{
    private const double MinScoringSeconds = 2;
    private const int SampleRows = 3_600;

    /// <summary>A learner type with its NAME=VALUE parameters.</summary>
    public sealed record Config(string Type, LearnerParameters Parameters)
    {
        public override string ToString() => Parameters.IsEmpty ? Type : $"{Type} {Parameters}";
    }

    public static readonly Config[] Defaults =
    [
        new("logistic", LearnerParameters.Empty),
        new("ordinal", LearnerParameters.Empty),
        new("neural", LearnerParameters.Empty),
        new("trees", LearnerParameters.Empty),
        new("knn", LearnerParameters.Empty),
        new("ensemble", LearnerParameters.Empty),
    ];

    /// <summary>Reads <c>--type T [--param K=V]...</c> groups and <c>--rows N</c>.</summary>
    public static (Config[] Configs, int[] Rows) Parse(string[] args)
    {
        var configs = new List<(string Type, List<string> Params)>();
        var rows = new List<int>();
        for (int i = 1; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--type": configs.Add((value, [])); break;
                case "--param" when configs.Count > 0: configs[^1].Params.Add(value); break;
                case "--param": throw new ArgumentException("--param applies to the --type before it");
                case "--rows":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n <= 0)
                        throw new ArgumentException("--rows needs a positive whole number");
                    rows.Add(n);
                    break;
                default: throw new ArgumentException($"unknown option '{args[i]}'; use --type T, --param K=V, --rows N");
            }
            i++;
        }
        var parsed = configs.Select(c => new Config(c.Type, LearnerParameters.Parse(c.Params))).ToArray();
        return (parsed.Length > 0 ? parsed : Defaults, rows.Count > 0 ? rows.ToArray() : [3_600, 42_046]);
    }

    public static int Run(Config[] configs, int[] rowCounts)
    {
        var table = new MarkdownTable("rows", "learner", "train wall", "train CPU", "peak memory", "model f32", "parameters",
            "infer pairs/s (1 core)", "fit", "valid macro-F1", "test macro-F1");
        foreach (int rows in rowCounts)
        {
            var data = ChallengeDataset.Load(Replicator.Ensure(rows));
            var parts = DataParts.From(data, SplitProtocol.Grouped, SplitProtocols.DefaultSeed);
            foreach (var config in configs)
            {
                var options = new TrainOptions { Type = config.Type, Parameters = config.Parameters };
                // earlier configs' garbage would otherwise count toward this one's peak working set
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var cost = CostTracker.Start("train");
                var model = AdherenceModel.Train(parts.Train, parts.Eval, options);
                var trained = cost.Stop();

                Directory.CreateDirectory(Replicator.Dir);
                string file = Path.Combine(Replicator.Dir, $"learner-{config.Type}-{rows}.bin");
                model.Save(file, SectionEncoding.Float32);
                long size = new FileInfo(file).Length;
                File.Delete(file);

                var test = model.Featurizer.Transform(parts.Test.Select(p => p.Pair).ToList(), threads: 1);
                double rate = OneCoreRate(model.Classifier, test);
                double validF1 = model.Card["threshold_tuning"]?["valid_macro_f1_after"]?.GetValue<double>() ?? double.NaN;
                double testF1 = ModelEvaluation.Evaluate(model, parts.Test, options.Threads).MacroF1;
                var fit = model.Classifier.LastFit;
                Console.Error.WriteLine($"{rows:N0} rows, {config}: {fit?.StopReason}");
                table.Add(Format.Count(rows), config.ToString(), Format.Seconds(trained.WallSeconds), Format.Seconds(trained.CpuSeconds),
                    Format.MiB(trained.PeakWorkingSetBytes), Format.KiB(size), Format.Count(model.Classifier.ParameterCount.Total),
                    Format.Count(rate), $"{fit?.Iterations} it", Format.Score(validF1), Format.Score(testF1));
            }
        }
        Console.WriteLine(table);
        if (rowCounts.Any(r => r > SampleRows))
            Console.WriteLine($"Rows beyond the sample's {SampleRows:N0} are copies of its theses (only hash_id differs), so the same text " +
                              "lands in train and test: their macro-F1 is leakage, not skill; read those rows for cost only.");
        return 0;
    }

    /// <summary>PredictProba over the rows on the calling thread only, repeated for at least <see cref="MinScoringSeconds"/>.</summary>
    private static double OneCoreRate(ILevelClassifier model, SparseMatrix x)
    {
        if (x.RowCount == 0) return 0;
        Span<float> p = stackalloc float[3];
        long scored = 0;
        var sw = Stopwatch.StartNew();
        do
        {
            for (int r = 0; r < x.RowCount; r++) model.PredictProba(x.RowIndices(r), x.RowValues(r), p);
            scored += x.RowCount;
        } while (sw.Elapsed.TotalSeconds < MinScoringSeconds);
        return scored / sw.Elapsed.TotalSeconds;
    }
}
