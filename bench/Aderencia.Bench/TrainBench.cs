using System.Diagnostics;
using Aderencia.Cost;
using Aderencia.Data;
using Aderencia.Domain;
using Aderencia.Models;
using Aderencia.Pipeline;
using Aderencia.Splits;

namespace Aderencia.Bench;

/// <summary>Training cost, model size, in-process scoring rate, end-to-end predict time and test macro-F1 on the grouped split.</summary>
internal static class TrainBench
{
    private const double MinScoringSeconds = 3;

    public static int Run(int[] rowCounts)
    {
        var table = new MarkdownTable("rows", "train/eval/test pairs", "train wall", "train CPU", "peak memory", "model f32", "model int8",
            "score pairs/s", "predict (no justif.)", "predict (justif.)", "test macro-F1");
        foreach (int rows in rowCounts)
        {
            var path = Replicator.Ensure(rows);
            var data = ChallengeDataset.Load(path);
            var parts = DataParts.From(data, SplitProtocol.Grouped, SplitProtocols.DefaultSeed);
            var options = new TrainOptions();

            var cost = CostTracker.Start("train");
            var model = AdherenceModel.Train(parts.Train, parts.Eval, options);
            var trained = cost.Stop();

            Directory.CreateDirectory(Replicator.Dir);
            string f32 = Path.Combine(Replicator.Dir, $"model-{rows}.f32.bin"), int8 = Path.Combine(Replicator.Dir, $"model-{rows}.int8.bin");
            model.Save(f32, SectionEncoding.Float32);
            model.Save(int8, SectionEncoding.Int8);

            var testPairs = parts.Test.Select(p => p.Pair).ToList();
            double pairsPerSecond = ScoringRate(model, testPairs, options.Threads);
            double macroF1 = ModelEvaluation.Evaluate(model, parts.Test, options.Threads).MacroF1;
            double plain = PredictSeconds(f32, path, justify: false);
            double justified = PredictSeconds(f32, path, justify: true);
            Console.Error.WriteLine($"{rows:N0} rows done");

            table.Add(Format.Count(rows), $"{parts.Train.Count:N0}/{parts.Eval.Count:N0}/{parts.Test.Count:N0}",
                Format.Seconds(trained.WallSeconds), Format.Seconds(trained.CpuSeconds), Format.MiB(trained.PeakWorkingSetBytes),
                Format.KiB(new FileInfo(f32).Length), Format.KiB(new FileInfo(int8).Length), Format.Count(pairsPerSecond),
                Format.Seconds(plain), Format.Seconds(justified), Format.Score(macroF1));
        }
        Console.WriteLine(table);
        return 0;
    }

    /// <summary>Scores the test pairs (featurization included) repeatedly for at least <see cref="MinScoringSeconds"/> after one warm-up.</summary>
    private static double ScoringRate(AdherenceModel model, IReadOnlyList<Pair> pairs, int threads)
    {
        if (pairs.Count == 0) return 0;
        model.Score(pairs, threads);
        long scored = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < MinScoringSeconds)
        {
            model.Score(pairs, threads);
            scored += pairs.Count;
        }
        return scored / sw.Elapsed.TotalSeconds;
    }

    /// <summary>What `aderencia predict` does: load the model, read the file, grade every pair, write Parquet.</summary>
    private static double PredictSeconds(string modelPath, string dataPath, bool justify)
    {
        var output = Path.Combine(Replicator.Dir, $"predicted-{(justify ? "justified" : "plain")}.parquet");
        var sw = Stopwatch.StartNew();
        var model = AdherenceModel.Load(modelPath);
        var data = ChallengeDataset.Load(dataPath);
        var predictions = model.Predict(data.Pairs.Select(p => p.Pair).ToList(), justify: justify, peers: data.Themes);
        TableFiles.WriteAll(output, PredictionColumns.Append(data.Source, data.SourceRows, predictions), TableFormat.Parquet);
        double seconds = sw.Elapsed.TotalSeconds;
        File.Delete(output);
        return seconds;
    }
}
