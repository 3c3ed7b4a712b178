using System.Diagnostics;
using System.Text.Json.Nodes;
using Aderencia.Cost;
using Aderencia.Data;
using Aderencia.Domain;
using Aderencia.Features;
using Aderencia.Models;
using Aderencia.Reports;
using Aderencia.Splits;

namespace Aderencia.Pipeline;

/// <summary>A finished comparison and every cost measurement taken (one emissions.csv row each).</summary>
public sealed record CompareOutcome(Comparison Comparison, IReadOnlyList<CostMeasurement> Measurements);

/// <summary>
/// Trains and evaluates several model configurations on the same split. Features are built once per distinct
/// <see cref="FeaturizerOptions"/> and shared; configs with identical training settings share one fit (e.g. the
/// same model stored as int8). Every model is evaluated as stored: written to its file bytes and read back.
/// </summary>
public static class CompareRun
{
    private sealed record Features(PairFeaturizer Featurizer, SparseMatrix X, SparseMatrix? XValid, CostMeasurement Cost);

    private sealed record Fitted(ILevelClassifier Classifier, CostMeasurement Cost, string FirstName);

    public static CompareOutcome Run(ChallengeDataset data, string dataName, SplitProtocol protocol, ulong seed,
        IReadOnlyList<CompareModelConfig> models, Action<string>? status = null, CostOptions? cost = null, int threads = 2,
        Action<int, int>? progress = null)
    {
        if (protocol == SplitProtocol.None) throw new ArgumentException("compare needs a test part: use --protocol leandl2025 or grouped, not none");
        if (models.Count == 0) throw new ArgumentException("compare needs at least one model configuration");
        var clock = Stopwatch.StartNew();
        cost ??= new CostOptions { ProjectName = "aderencia compare", RunId = Guid.NewGuid() };
        var parts = DataParts.From(data, protocol, seed);
        if (parts.Train.Count == 0 || parts.Test.Count == 0)
            throw new ArgumentException($"{dataName}: the {protocol.Name()} split left {parts.Train.Count} training and {parts.Test.Count} test pairs; compare needs both");
        var trainPairs = parts.Train.Select(p => p.Pair).ToList();
        var y = parts.Train.Select(p => p.Level!.Value).ToArray();
        var validPairs = parts.Eval.Select(p => p.Pair).ToList();
        var yValid = parts.Eval.Select(p => p.Level!.Value).ToArray();
        var testPairs = parts.Test.Select(p => p.Pair).ToList();

        var measurements = new List<CostMeasurement>();
        var featureCache = new Dictionary<FeaturizerOptions, Features>();
        var fitCache = new Dictionary<string, Fitted>(StringComparer.Ordinal);
        var results = new List<ComparedModel>();
        for (int i = 0; i < models.Count; i++)
        {
            var config = models[i];
            var o = config.Options;
            string step = $"[{i + 1}/{models.Count}] {config.Name}";
            if (!featureCache.TryGetValue(o.Features, out var features))
            {
                status?.Invoke($"{step}: featurizing {trainPairs.Count:N0} training pairs (hash bits {o.Features.HashBits})");
                features = Featurize(o.Features, trainPairs, validPairs, parts.Eval, cost, $"featurize hash{o.Features.HashBits}#{featureCache.Count + 1}", o.Threads);
                featureCache[o.Features] = features;
                measurements.Add(features.Cost);
            }
            bool shared = fitCache.TryGetValue(config.TrainingKey, out var fitted);
            if (!shared)
            {
                status?.Invoke($"{step}: training {o.Type}");
                fitted = Fit(config, features, y, yValid, cost);
                fitCache[config.TrainingKey] = fitted;
                measurements.Add(fitted.Cost);
            }
            var bytes = ModelFile.ToBytes(fitted!.Classifier, new JsonObject { ["featurizer"] = features.Featurizer.Save() }, config.Encoding);
            var stored = ModelFile.FromBytes(bytes, config.Name).Classifier;

            GC.Collect();
            var tracker = CostTracker.Start($"infer {config.Name}", cost);
            var scored = stored.Predict(features.Featurizer.Transform(testPairs, o.Threads), o.Threads);
            var infer = tracker.Stop();
            measurements.Add(infer);
            var evaluation = ModelEvaluation.Evaluate(parts.Test, scored);

            var train = new[] { features.Cost, fitted.Cost };
            results.Add(new ComparedModel
            {
                Name = config.Name,
                Type = o.Type,
                Encoding = CompareModelConfig.EncodingName(config.Encoding),
                Evaluation = evaluation,
                TrainSeconds = train.Sum(m => m.WallSeconds),
                InferenceSeconds = infer.WallSeconds,
                InferencePairs = testPairs.Count,
                PeakMemoryBytes = Math.Max(train.Max(m => m.PeakWorkingSetBytes), infer.PeakWorkingSetBytes),
                FileBytes = bytes.LongLength,
                Parameters = stored.ParameterCount,
                TrainEnergyKwh = train.Sum(m => m.EnergyKwh),
                InferenceEnergyKwh = infer.EnergyKwh,
                Co2Kg = train.Sum(m => m.EmissionsKg) + infer.EmissionsKg,
                SharedTrainingWith = shared ? fitted.FirstName : null,
            });
            status?.Invoke($"{step}: macro-F1 {evaluation.MacroF1:F4}, train {results[^1].TrainSeconds:F2} s, " +
                           $"inference {results[^1].SecondsPerPair * 1000:F3} ms/pair, file {bytes.LongLength / 1024.0:F0} KiB");
            progress?.Invoke(i + 1, models.Count);
        }

        var machine = MachineInfo.Current;
        var first = measurements[0];
        var context = new ComparisonContext
        {
            Data = dataName,
            Protocol = protocol.Name(),
            Seed = seed,
            TrainPairs = parts.Train.Count,
            EvalPairs = parts.Eval.Count,
            TestPairs = parts.Test.Count,
            Machine = $"{machine.CpuModel}, {machine.LogicalCores} logical cores, {machine.RamTotalGib:F0} GiB RAM, {machine.Os}, {machine.RuntimeVersion}",
            EnergyMethod = $"{first.Method} ({first.CpuPowerBasis}), grid {first.CountryIso} {first.CarbonIntensityKgPerKwh} kg CO2e/kWh",
            TotalSeconds = clock.Elapsed.TotalSeconds,
        };
        return new CompareOutcome(Comparison.Rank(context, results), measurements);
    }

    private static Features Featurize(FeaturizerOptions options, List<Pair> train, List<Pair> valid, IReadOnlyList<LabeledPair> validLabeled,
        CostOptions cost, string stage, int threads)
    {
        GC.Collect();
        var tracker = CostTracker.Start(stage, cost);
        var featurizer = new PairFeaturizer(options);
        var x = featurizer.FitTransform(train, validLabeled.Select(p => p.Theme), threads);
        var xValid = valid.Count > 0 ? featurizer.Transform(valid, threads) : null;
        return new Features(featurizer, x, xValid, tracker.Stop());
    }

    private static Fitted Fit(CompareModelConfig config, Features features, AdherenceLevel[] y, AdherenceLevel[] yValid, CostOptions cost)
    {
        var o = config.Options;
        GC.Collect();
        var tracker = CostTracker.Start($"train {config.Name}", cost);
        var classifier = ModelRegistry.Create(o.Type);
        classifier.Fit(features.X, y, o.ToFitOptions(), features.XValid, features.XValid is null ? null : yValid);
        if (o.TuneThresholds && features.XValid is not null)
        {
            var probs = classifier.Predict(features.XValid, o.Threads, applyOffsets: false).Probabilities;
            classifier.DecisionOffsets = ThresholdTuner.Tune(probs, yValid).Offsets;
        }
        return new Fitted(classifier, tracker.Stop(), config.Name);
    }
}
