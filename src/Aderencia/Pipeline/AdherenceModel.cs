using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aderencia.Domain;
using Aderencia.Explain;
using Aderencia.Features;
using Aderencia.Models;

namespace Aderencia.Pipeline;

/// <summary>
/// A trained grader: the featurizer that reads pairs, the learner that scores them, and the model card
/// (training data, options, metrics, costs). One file on disk; predictions carry a justification.
/// </summary>
public sealed class AdherenceModel
{
    private AdherenceModel(PairFeaturizer featurizer, ILevelClassifier classifier, JsonObject card)
    {
        Featurizer = featurizer;
        Classifier = classifier;
        Card = card;
    }

    public PairFeaturizer Featurizer { get; }
    public ILevelClassifier Classifier { get; }

    /// <summary>Model card: type, options, training data fingerprint, metrics and costs (stored in the file).</summary>
    public JsonObject Card { get; }

    public string Type => Classifier.Type;

    /// <summary>Fits on <paramref name="train"/>; with <paramref name="valid"/> and tuning on, decision offsets maximise its macro-F1.</summary>
    public static AdherenceModel Train(IReadOnlyList<LabeledPair> train, IReadOnlyList<LabeledPair>? valid, TrainOptions options,
        Action<string>? log = null, Action<FitProgress>? progress = null)
    {
        var labeled = train.Where(p => p.Level is not null).ToList();
        if (labeled.Count == 0) throw new ArgumentException("no labelled pairs to train on (modelo_nivel is empty everywhere)");
        var featurizer = new PairFeaturizer(options.Features);
        var sw = Stopwatch.StartNew();
        var x = featurizer.FitTransform(labeled.Select(p => p.Pair).ToList(), valid?.Select(p => p.Theme), options.Threads);
        log?.Invoke($"features: {x.RowCount:N0} pairs × {x.ColumnCount:N0} columns, {x.NonZeroCount:N0} non-zeros in {sw.Elapsed.TotalSeconds:F2} s");
        var y = labeled.Select(p => p.Level!.Value).ToArray();
        var fit = options.ToFitOptions(progress);
        var validLabeled = valid?.Where(p => p.Level is not null).ToList() ?? [];
        SparseMatrix? xv = validLabeled.Count > 0 ? featurizer.Transform(validLabeled.Select(p => p.Pair).ToList(), options.Threads) : null;
        var yv = validLabeled.Select(p => p.Level!.Value).ToArray();
        var classifier = ModelRegistry.Create(options.Type);
        // The analysed theses behind the rows are garbage now; returning their memory before the learner allocates
        // its own keeps the peak near the larger of the two phases rather than their sum.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        sw.Restart();
        classifier.Fit(x, y, fit, xv, xv is null ? null : yv);
        log?.Invoke($"fit: {classifier.Type}, {classifier.LastFit?.Iterations} iterations, loss {classifier.LastFit?.Loss:F4}, {sw.Elapsed.TotalSeconds:F2} s ({classifier.LastFit?.StopReason})");
        var card = new JsonObject
        {
            ["type"] = classifier.Type,
            ["options"] = JsonSerializer.SerializeToNode(options with { Features = options.Features }),
            ["train_pairs"] = labeled.Count,
            ["valid_pairs"] = validLabeled.Count,
        };
        var model = new AdherenceModel(featurizer, classifier, card);
        if (options.TuneThresholds && xv is not null)
        {
            var probs = classifier.Predict(xv, options.Threads, applyOffsets: false).Probabilities;
            var tuned = ThresholdTuner.Tune(probs, yv);
            classifier.DecisionOffsets = tuned.Offsets;
            card["threshold_tuning"] = new JsonObject
            {
                ["offsets"] = new JsonArray(tuned.Offsets.Select(o => (JsonNode)o).ToArray()),
                ["valid_macro_f1_before"] = tuned.MacroF1Before,
                ["valid_macro_f1_after"] = tuned.MacroF1After,
            };
            log?.Invoke($"thresholds: validation macro-F1 {tuned.MacroF1Before:F4} -> {tuned.MacroF1After:F4}");
        }
        return model;
    }

    /// <summary>Levels and probabilities for every pair (no justifications): the fast path.</summary>
    public Predictions Score(IReadOnlyList<Pair> pairs, int threads = 2) =>
        pairs.Count == 0 ? new Predictions([], []) : Classifier.Predict(Featurizer.Transform(pairs, threads), threads);

    /// <summary>Full predictions with justifications. <paramref name="peers"/>: the themes each pair's theme is ranked among.</summary>
    /// <param name="justifyFrom">Only predictions at or above this level get a justification (the others get "").</param>
    public Prediction[] Predict(IReadOnlyList<Pair> pairs, int threads = 2, bool justify = true, IEnumerable<Theme>? peers = null,
        AdherenceLevel justifyFrom = AdherenceLevel.Baixa)
    {
        if (pairs.Count == 0) return [];
        var batch = Featurizer.Featurize(pairs, peers, threads);
        var why = new string[pairs.Count];
        var scored = Classifier.Predict(batch.Matrix, threads, afterRow: justify
            ? (i, level) => { if (level >= justifyFrom) why[i] = Justify(batch, i, level); }
            : null);
        var result = new Prediction[pairs.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var p = scored.Row(i);
            result[i] = new Prediction(scored.Levels[i], p[0], p[1], p[2], why[i] ?? "");
        }
        return result;
    }

    public string Justify(Pair pair, AdherenceLevel level, IEnumerable<Theme>? peers = null) =>
        JustificationWriter.Write(level, EvidenceCollector.Collect(Featurizer, Classifier, pair, level, peers));

    /// <summary>The justification of pair <paramref name="index"/> of a batch from <see cref="Features.PairFeaturizer.Featurize"/>.</summary>
    public string Justify(FeaturizedPairs batch, int index, AdherenceLevel level) =>
        JustificationWriter.Write(level, EvidenceCollector.Collect(Featurizer, Classifier, batch, index, level));

    public void Save(string path, SectionEncoding weights = SectionEncoding.Float32)
    {
        var metadata = new JsonObject
        {
            ["card"] = Card.DeepClone(),
            ["featurizer"] = Featurizer.Save(),
        };
        ModelFile.Save(path, Classifier, metadata, weights);
    }

    public static AdherenceModel Load(string path)
    {
        var loaded = ModelFile.Load(path);
        var meta = loaded.Metadata;
        if (meta["featurizer"] is not JsonObject fjson)
            throw new ModelFormatException(path, $"{path} holds a learner but no featurizer settings; it was not written by `aderencia train`");
        PairFeaturizer featurizer;
        try
        {
            featurizer = PairFeaturizer.Load(fjson);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException or InvalidOperationException or NullReferenceException)
        {
            throw new ModelFormatException(path, $"model file {path} has unreadable featurizer settings ({e.Message})");
        }
        var card = meta["card"] as JsonObject ?? new JsonObject();
        card["file_bytes"] = loaded.SizeBytes;
        return new AdherenceModel(featurizer, loaded.Classifier, (JsonObject)card.DeepClone());
    }
}
