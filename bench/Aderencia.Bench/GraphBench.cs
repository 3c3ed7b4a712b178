using System.Diagnostics;
using System.Text.Json.Nodes;
using Aderencia.Data;
using Aderencia.Models;
using Aderencia.Pipeline;
using Aderencia.Splits;

namespace Aderencia.Bench;

/// <summary>
/// Learners on the sample's grouped split: train time, one-core scoring rate over pre-featurized rows, model size,
/// validation and test macro-F1. A config is TYPE or TYPE:NAME=VALUE,NAME=VALUE (e.g. knn:k=25,propagate=true);
/// `graph members` instead searches the ensemble's member subsets (<see cref="EnsembleSearch"/>).
/// </summary>
internal static class GraphBench
{
    private const double MinScoringSeconds = 2;
    public static readonly string[] DefaultConfigs = ["logistic", "knn", "knn:propagate=true", "ensemble:members=logistic,knn", "ensemble"];

    public static int Run(string[] configs)
    {
        if (configs is ["members"]) return EnsembleSearch.Run();
        var data = ChallengeDataset.Load(SampleData.PairsPath);
        var parts = DataParts.From(data, SplitProtocol.Grouped, SplitProtocols.DefaultSeed);
        var table = new MarkdownTable("learner", "train wall", "pairs/s (1 core)", "model f32", "parameters", "eval macro-F1 (raw → tuned)", "test macro-F1");
        foreach (var config in configs.Length > 0 ? configs : DefaultConfigs)
        {
            int colon = config.IndexOf(':');
            string type = colon < 0 ? config : config[..colon];
            var parameters = colon < 0 ? LearnerParameters.Empty : LearnerParameters.Parse(SplitList(config[(colon + 1)..]));
            var options = new TrainOptions { Type = type, Parameters = parameters };
            var sw = Stopwatch.StartNew();
            var model = AdherenceModel.Train(parts.Train, parts.Eval, options);
            double trainSeconds = sw.Elapsed.TotalSeconds;

            Directory.CreateDirectory(Replicator.Dir);
            string file = Path.Combine(Replicator.Dir, $"graph-{type}.bin");
            model.Save(file);
            long bytes = new FileInfo(file).Length;
            File.Delete(file);

            var x = model.Featurizer.Transform(parts.Test.Select(p => p.Pair).ToList());
            double rate = OneCoreRate(model.Classifier, x);
            double test = ModelEvaluation.Evaluate(model, parts.Test).MacroF1;
            var tuning = model.Card["threshold_tuning"] as JsonObject;
            string eval = tuning is null ? "-" : $"{Format.Score((double)tuning["valid_macro_f1_before"]!)} → {Format.Score((double)tuning["valid_macro_f1_after"]!)}";
            var count = model.Classifier.ParameterCount;
            table.Add(config, Format.Seconds(trainSeconds), Format.Count(rate), Format.KiB(bytes),
                $"{Format.Count(count.Total)} ({Format.Count(count.Trainable)} fitted)", eval, Format.Score(test));
            Console.Error.WriteLine($"{config}: {model.Classifier.LastFit?.StopReason}");
            if (model.Classifier is Aderencia.Models.Graph.KnnClassifier knn) Console.Error.WriteLine(IndexStats(knn.Index, x));
        }
        Console.WriteLine($"sample grouped split: train {parts.Train.Count:N0} / eval {parts.Eval.Count:N0} / test {parts.Test.Count:N0} pairs");
        Console.WriteLine(table);
        return 0;
    }

    /// <summary>Stored values per row, and how many stored rows a query reaches (similarity &gt; 0) on average.</summary>
    private static string IndexStats(Aderencia.Models.Graph.NeighbourIndex index, Aderencia.Features.SparseMatrix x)
    {
        var rows = new int[index.RowCount];
        var sims = new float[index.RowCount];
        long reached = 0;
        for (int r = 0; r < x.RowCount; r++) reached += index.Search(x.RowIndices(r), x.RowValues(r), rows, sims);
        return $"  index: {index.RowCount:N0} rows, {index.NonZeroCount / (double)index.RowCount:F0} stored values per row; " +
               $"a test query reaches {reached / (double)x.RowCount:F0} stored rows on average";
    }

    /// <summary>"a=1,b=x,y" → ["a=1", "b=x,y"]: a comma starts a new item only when NAME= follows it.</summary>
    private static List<string> SplitList(string s)
    {
        var items = new List<string>();
        foreach (var piece in s.Split(','))
        {
            if (items.Count > 0 && !piece.Contains('=')) items[^1] += "," + piece;
            else items.Add(piece);
        }
        return items;
    }

    /// <summary>PredictProba over every row on the calling thread, repeated for at least <see cref="MinScoringSeconds"/>.</summary>
    private static double OneCoreRate(ILevelClassifier model, Aderencia.Features.SparseMatrix x)
    {
        Span<float> p = stackalloc float[3];
        for (int r = 0; r < x.RowCount; r++) model.PredictProba(x.RowIndices(r), x.RowValues(r), p);
        long rows = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < MinScoringSeconds)
        {
            for (int r = 0; r < x.RowCount; r++) model.PredictProba(x.RowIndices(r), x.RowValues(r), p);
            rows += x.RowCount;
        }
        return rows / sw.Elapsed.TotalSeconds;
    }
}
