using System.CommandLine;
using System.Diagnostics;
using Aderencia.Data;
using Aderencia.Evaluation;
using Aderencia.Features;
using Aderencia.Models;
using Aderencia.Pipeline;
using Aderencia.Splits;

namespace Aderencia.Cli.Commands;

internal static class TrainCommand
{
    public static Command Build()
    {
        var data = new Option<string>("--data") { Description = "Pairs file in the challenge schema (Parquet, CSV or JSONL).", Required = true };
        var model = new Option<string>("--model") { Description = "Where to write the model file.", Required = true };
        var protocol = CommonOptions.Protocol("grouped");
        var type = new Option<string>("--type") { Description = $"Learner: {string.Join(", ", ModelRegistry.Types)}.", DefaultValueFactory = _ => LogisticRegression.TypeName };
        var seed = CommonOptions.Seed();
        var c = new Option<double>("--c") { Description = "Inverse L2 regularisation strength (as scikit-learn's C).", DefaultValueFactory = _ => new TrainOptions().C };
        var weights = new Option<string>("--class-weights") { Description = "balanced or none.", DefaultValueFactory = _ => "balanced" };
        var noTune = new Option<bool>("--no-tune") { Description = "Do not tune decision thresholds for macro-F1 on the validation part." };
        var bits = new Option<int>("--hash-bits") { Description = "2^N buckets for hashed features.", DefaultValueFactory = _ => new FeaturizerOptions().HashBits };
        var quantize = new Option<string>("--quantize") { Description = "Weight storage: f32, f16 or int8 (the accuracy change is reported).", DefaultValueFactory = _ => "f32" };
        var json = new Option<string?>("--json") { Description = "Also write the test-part evaluation as JSON." };
        var report = new Option<string?>("--report") { Description = "Also write a report of the test-part evaluation: .html (charts) or .md." };
        var teacher = new Option<string?>("--teacher-labels") { Description = "Train on a teacher's levels (table with hash_id, tema_id, nivel_previsto/modelo_nivel/nivel/label) instead of the file's own." };
        var param = new Option<string[]>("--param") { Description = "Learner hyper-parameter NAME=VALUE (repeatable; see docs/models.md for each learner's keys).", AllowMultipleArgumentsPerToken = false };
        var cmd = new Command("train",
            "Train a grader. With --protocol leandl2025 or grouped it trains on train, tunes on eval and reports on test; " +
            "with none it trains on every row (tuning on an internal held-out tenth).")
        { data, model, protocol, type, seed, c, weights, noTune, bits, quantize, json, param, report, teacher };
        var tracking = RunTracking.AddTo(cmd);
        cmd.SetAction(r => CliErrors.Run(() =>
        {
            var options = new TrainOptions
            {
                Type = r.GetValue(type)!,
                C = r.GetValue(c),
                ClassWeights = ParseWeights(r.GetValue(weights)!),
                TuneThresholds = !r.GetValue(noTune),
                Seed = (int)(r.GetValue(seed) % int.MaxValue),
                Features = new FeaturizerOptions { HashBits = r.GetValue(bits) },
                Parameters = LearnerParameters.Parse(r.GetValue(param) ?? []),
            };
            if (r.GetValue(report) is { } reportPath) _ = Reports.ReportFile.IsMarkdown(reportPath); // a bad extension fails before training
            var run = new TrainRun(r.GetValue(data)!, SplitProtocols.Parse(r.GetValue(protocol)!), r.GetValue(seed), options) { TeacherLabelsPath = r.GetValue(teacher) };
            run.Execute(r.GetValue(model)!, ParseEncoding(r.GetValue(quantize)!), r.GetValue(json), tracking.Begin(r, "train"), r.GetValue(report));
            return 0;
        }));
        return cmd;
    }

    private static ClassWeighting ParseWeights(string s) => s.ToLowerInvariant() switch
    {
        "balanced" => ClassWeighting.Balanced,
        "none" => ClassWeighting.None,
        _ => throw new ArgumentException($"--class-weights must be balanced or none, not '{s}'"),
    };

    internal static SectionEncoding ParseEncoding(string s) => s.ToLowerInvariant() switch
    {
        "f32" or "float32" => SectionEncoding.Float32,
        "f16" or "float16" => SectionEncoding.Float16,
        "int8" or "i8" => SectionEncoding.Int8,
        _ => throw new ArgumentException($"--quantize must be f32, f16 or int8, not '{s}'"),
    };
}

/// <summary>One training run: load, split, fit, evaluate on the held-out part, save; what `train` and `demo` share.</summary>
internal sealed class TrainRun(string dataPath, SplitProtocol protocol, ulong seed, TrainOptions options)
{
    public AdherenceModel? Model { get; private set; }
    public EvaluationResult? TestResult { get; private set; }
    public DataParts? Parts { get; private set; }

    /// <summary>Distillation: train on these levels (see <see cref="TeacherLabels"/>) instead of the file's own.</summary>
    public string? TeacherLabelsPath { get; init; }

    public void Execute(string modelPath, SectionEncoding encoding, string? jsonPath, RunSession session, string? reportPath = null)
    {
        var rejects = new RejectSink();
        var sw = Stopwatch.StartNew();
        var data = ChallengeDataset.Load(dataPath, rejects);
        var teacher = TeacherLabelsPath is { } tl ? TeacherLabels.Load(tl, rejects) : null;
        var join = teacher?.Apply(data);
        DataCommands.ReportRejects(modelPath, rejects);
        if (join is not null)
        {
            Console.WriteLine(join);
            data = join.Data;
        }
        var parts = Parts = DataParts.From(data, protocol, seed);
        Console.WriteLine($"data: {data.Pairs.Count:N0} pairs, {data.Productions.Count:N0} theses, {data.Themes.Count:N0} themes ({sw.Elapsed.TotalSeconds:F2} s); " +
                          $"{protocol.Name()} split: train {parts.Train.Count:N0} / eval {parts.Eval.Count:N0} / test {parts.Test.Count:N0}");
        var cost = session.Track("train");
        var model = ProgressView.Run(view => Fit(parts, view));
        var measured = session.Stop(cost);
        Model = model;
        model.Card["protocol"] = protocol.Name();
        model.Card["seed"] = seed;
        model.Card["data"] = new System.Text.Json.Nodes.JsonObject
        {
            ["file"] = Path.GetFileName(dataPath),
            ["fingerprint"] = Fingerprint.OfFile(dataPath),
            ["pairs"] = data.Pairs.Count,
        };
        model.Card["train_cost"] = CostCard.ToJson(measured);
        if (teacher is not null) model.Card["labels"] = teacher.Provenance;
        Console.WriteLine($"trained {model.Type} in {measured.WallSeconds:F2} s (cpu {measured.CpuSeconds:F2} s, peak {measured.PeakWorkingSetBytes / 1048576.0:F0} MB, {measured.EnergyKwh:G3} kWh)");
        if (parts.Test.Count > 0)
        {
            var result = TestResult = ModelEvaluation.Evaluate(model, parts.Test, options.Threads);
            model.Card["test_metrics"] = CostCard.Metrics(result);
            Console.WriteLine();
            Console.WriteLine($"held-out test part ({parts.Test.Count:N0} pairs):");
            Console.WriteLine(result.ToString());
            if (jsonPath is not null) IO.AtomicFile.WriteAllText(jsonPath, EvaluationJson.Serialize(result));
            if (reportPath is not null)
                Reports.ReportFile.WriteEvaluation(reportPath, result, $"{model.Type} on the test part of {Path.GetFileName(dataPath)}",
                    [$"{protocol.Name()} split, seed {seed}: train {parts.Train.Count:N0} / eval {parts.Eval.Count:N0} / test {parts.Test.Count:N0} pairs.", measured.Summary()]);
            if (encoding != SectionEncoding.Float32) PrintQuantization(model, parts.Test, options.Threads);
            if (join is not null) PrintTeacherAgreement(model, parts.Test, join, options.Threads);
        }
        model.Save(modelPath, encoding);
        Console.WriteLine($"model: {modelPath} ({new FileInfo(modelPath).Length / 1024.0:F0} KiB, {encoding})");
        var config = new System.Text.Json.Nodes.JsonObject
        {
            ["protocol"] = protocol.Name(),
            ["seed"] = seed,
            ["quantize"] = encoding.ToString(),
            ["options"] = model.Card["options"]?.DeepClone(),
        };
        session.Finish(config, dataPath, model.Card["test_metrics"]?.DeepClone().AsObject(), modelPath);
    }

    /// <summary>Featurize and fit with a bar each; with --protocol none and tuning, a second fit on every row keeps the tuned offsets.</summary>
    private AdherenceModel Fit(DataParts parts, ProgressView view)
    {
        var (fit, tune) = protocol == SplitProtocol.None && options.TuneThresholds
            ? DataParts.HoldOut(parts.Train, seed)
            : (parts.Train.ToList(), parts.Eval.ToList());
        var model = FitWithBars(fit, tune, options, view, "");
        if (protocol == SplitProtocol.None && options.TuneThresholds)
        {
            var offsets = model.Classifier.DecisionOffsets;
            model = FitWithBars(parts.Train, null, options with { TuneThresholds = false }, view, " (all rows)");
            model.Classifier.DecisionOffsets = offsets;
        }
        return model;
    }

    private static AdherenceModel FitWithBars(IReadOnlyList<Domain.LabeledPair> fit, IReadOnlyList<Domain.LabeledPair>? tune, TrainOptions o, ProgressView view, string suffix)
    {
        var featurize = view.Step("featurize" + suffix, null, "pairs");
        var iterations = view.Step("fit" + suffix, o.MaxIterations, "it");
        var model = AdherenceModel.Train(fit, tune, o, message =>
        {
            if (message.StartsWith("features:", StringComparison.Ordinal)) featurize.Complete();
            view.Log(message);
        }, p => iterations.Set(p.Iteration));
        featurize.Complete();
        iterations.Complete();
        return model;
    }

    private static void PrintTeacherAgreement(AdherenceModel model, IReadOnlyList<Domain.LabeledPair> test, TeacherJoin join, int threads)
    {
        var predicted = model.Score(test.Select(p => p.Pair).ToList(), threads).Levels;
        var a = TeacherAgreement.Compute(test, predicted, join.Gold);
        Console.WriteLine($"agreement with the teacher: {a.VsTeacher}");
        if (a.VsGold is not null) Console.WriteLine($"model vs gold (modelo_nivel): {a.VsGold}");
        if (a.TeacherVsGold is not null) Console.WriteLine($"teacher vs gold, same pairs: {a.TeacherVsGold}");
        model.Card["teacher_agreement"] = a.ToJson();
    }

    private static void PrintQuantization(AdherenceModel model, IReadOnlyList<Domain.LabeledPair> test, int threads)
    {
        var x = model.Featurizer.Transform(test.Select(p => p.Pair).ToList(), threads);
        var y = test.Select(p => p.Level!.Value).ToArray();
        Console.WriteLine("weight quantization on the test part (learner weights only):");
        Console.WriteLine($"  {"encoding",-9} {"weights",10} {"accuracy",9} {"macro-F1",9} {"agreement",10} {"max Δp",8}");
        foreach (var row in QuantizationReport.Compare(model.Classifier, x, y, threads))
            Console.WriteLine($"  {row.Encoding,-9} {row.FileBytes / 1024.0,7:F0} KiB {row.Accuracy,9:F4} {row.MacroF1,9:F4} {row.Agreement,10:F4} {row.MaxProbabilityChange,8:F4}");
    }
}
