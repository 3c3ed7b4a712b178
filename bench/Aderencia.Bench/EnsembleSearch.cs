using System.Diagnostics;
using Aderencia.Data;
using Aderencia.Domain;
using Aderencia.Features;
using Aderencia.Models;
using Aderencia.Models.Ensemble;
using Aderencia.Pipeline;
using Aderencia.Splits;

namespace Aderencia.Bench;

/// <summary>
/// Chooses the ensemble's default members: every learner is trained once on the sample's train part, then every
/// subset of two or more is combined by weighted averaging and by stacking. Weights, stacker and decision offsets are
/// fitted on the eval part, so the eval score that ranks the subsets is cross-fitted (5 folds of the eval rows: fit
/// on four, score the fifth); test is shown beside it, never used to choose.
/// </summary>
internal static class EnsembleSearch
{
    private const int Folds = 5;
    private static readonly string[] Types = ["logistic", "ordinal", "neural", "trees", "knn"];

    public static int Run()
    {
        var data = ChallengeDataset.Load(SampleData.PairsPath);
        var parts = DataParts.From(data, SplitProtocol.Grouped, SplitProtocols.DefaultSeed);
        var defaults = new TrainOptions();
        var train = parts.Train.Where(p => p.Level is not null).ToList();
        var eval = parts.Eval.Where(p => p.Level is not null).ToList();
        var test = parts.Test.Where(p => p.Level is not null).ToList();
        var featurizer = new PairFeaturizer(defaults.Features);
        var x = featurizer.FitTransform(train.Select(p => p.Pair).ToList(), eval.Select(p => p.Theme));
        var xe = featurizer.Transform(eval.Select(p => p.Pair).ToList());
        var xt = featurizer.Transform(test.Select(p => p.Pair).ToList());
        var y = train.Select(p => p.Level!.Value).ToArray();
        var ye = eval.Select(p => p.Level!.Value).ToArray();
        var yt = test.Select(p => p.Level!.Value).ToArray();
        var fit = new FitOptions
        {
            C = defaults.C, ClassWeights = defaults.ClassWeights, MaxIterations = defaults.MaxIterations,
            Seed = defaults.Seed, Threads = defaults.Threads,
        };

        var evalProbs = new float[Types.Length][];
        var testProbs = new float[Types.Length][];
        var single = new MarkdownTable("learner", "fit", "eval macro-F1 (raw → tuned)", "test macro-F1 (tuned)");
        for (int m = 0; m < Types.Length; m++)
        {
            var learner = ModelRegistry.Create(Types[m]);
            var sw = Stopwatch.StartNew();
            learner.Fit(x, y, fit, xe, ye);
            evalProbs[m] = learner.Predict(xe, applyOffsets: false).Probabilities;
            testProbs[m] = learner.Predict(xt, applyOffsets: false).Probabilities;
            var tuned = ThresholdTuner.Tune(evalProbs[m], ye);
            single.Add(Types[m], Format.Seconds(sw.Elapsed.TotalSeconds), $"{Format.Score(tuned.MacroF1Before)} → {Format.Score(tuned.MacroF1After)}",
                Format.Score(F1(testProbs[m], yt, tuned.Offsets)));
            Console.Error.WriteLine($"{Types[m]}: {learner.LastFit?.StopReason}");
        }
        Console.WriteLine($"sample grouped split: train {train.Count:N0} / eval {eval.Count:N0} / test {test.Count:N0} pairs");
        Console.WriteLine(single);

        var folds = FoldOf(ye.Length, defaults.Seed);
        var rows = new List<(string Members, string Rule, double Crossfit, double InSample, double Test, string Detail)>();
        for (int mask = 1; mask < 1 << Types.Length; mask++)
        {
            var chosen = Enumerable.Range(0, Types.Length).Where(m => (mask >> m & 1) != 0).ToArray();

            string name = string.Join(",", chosen.Select(m => Types[m]));
            var pe = chosen.Select(m => evalProbs[m]).ToArray();
            var pt = chosen.Select(m => testProbs[m]).ToArray();
            foreach (var rule in chosen.Length == 1 ? [Rule.Single] : new[] { Rule.Average, Rule.AverageBalanced, Rule.Stack })
            {
                var (crossfit, _) = CrossFit(rule, pe, ye, folds);
                var combiner = Combiner.Fit(rule, pe, ye);
                var inEval = combiner.Apply(pe);
                var tuned = ThresholdTuner.Tune(inEval, ye);
                double testF1 = F1(combiner.Apply(pt), yt, tuned.Offsets);
                rows.Add((name, rule.ToString().ToLowerInvariant(), crossfit, tuned.MacroF1After, testF1, combiner.Describe(chosen.Select(m => Types[m]).ToArray())));
            }
        }
        var table = new MarkdownTable("members", "rule", "eval macro-F1 (cross-fitted)", "eval macro-F1 (in-sample, tuned)", "test macro-F1", "weights");
        foreach (var r in rows.OrderByDescending(r => r.Crossfit))
            table.Add(r.Members, r.Rule, Format.Score(r.Crossfit), Format.Score(r.InSample), Format.Score(r.Test), r.Detail);
        Console.WriteLine(table);
        return 0;
    }

    private enum Rule { Single, Average, AverageBalanced, Stack }

    /// <summary>Out-of-fold levels over the eval rows: combiner and offsets fitted on the other folds.</summary>
    private static (double MacroF1, AdherenceLevel[] Levels) CrossFit(Rule rule, float[][] probs, AdherenceLevel[] truth, int[] fold)
    {
        var levels = new AdherenceLevel[truth.Length];
        for (int f = 0; f < Folds; f++)
        {
            var inRows = Enumerable.Range(0, truth.Length).Where(i => fold[i] != f).ToArray();
            var outRows = Enumerable.Range(0, truth.Length).Where(i => fold[i] == f).ToArray();
            var pin = probs.Select(p => Rows(p, inRows)).ToArray();
            var yin = inRows.Select(i => truth[i]).ToArray();
            var combiner = Combiner.Fit(rule, pin, yin);
            var offsets = ThresholdTuner.Tune(combiner.Apply(pin), yin).Offsets;
            var pout = combiner.Apply(probs.Select(p => Rows(p, outRows)).ToArray());
            for (int j = 0; j < outRows.Length; j++) levels[outRows[j]] = LevelClassifierExtensions.Decide(pout.AsSpan(j * 3, 3), offsets);
        }
        return (LevelMetrics.MacroF1(truth, levels), levels);
    }

    private static float[] Rows(float[] probs, int[] rows)
    {
        var r = new float[rows.Length * 3];
        for (int j = 0; j < rows.Length; j++) probs.AsSpan(rows[j] * 3, 3).CopyTo(r.AsSpan(j * 3));
        return r;
    }

    /// <summary>Fold numbers: the rows dealt round-robin after a seeded shuffle.</summary>
    private static int[] FoldOf(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[n];
        for (int j = 0; j < n; j++) fold[order[j]] = j % Folds;
        return fold;
    }

    private static double F1(float[] probs, AdherenceLevel[] truth, float[] offsets)
    {
        var levels = new AdherenceLevel[truth.Length];
        for (int i = 0; i < truth.Length; i++) levels[i] = LevelClassifierExtensions.Decide(probs.AsSpan(i * 3, 3), offsets);
        return LevelMetrics.MacroF1(truth, levels);
    }

    private sealed class Combiner
    {
        private float[]? _weights;
        private LogisticRegression? _stacker;

        public static Combiner Fit(Rule rule, float[][] probs, AdherenceLevel[] truth)
        {
            var c = new Combiner();
            if (rule == Rule.Single) c._weights = [1f];
            else if (rule == Rule.Average) c._weights = MixtureWeights.Fit(probs, truth);
            else if (rule == Rule.AverageBalanced) c._weights = MixtureWeights.Fit(probs, truth, classWeights: ClassWeighting.Balanced);
            else
            {
                c._stacker = new LogisticRegression();
                c._stacker.Fit(StackRows(probs), truth, new FitOptions { C = 1.0, MaxIterations = 200, Threads = 1 });
            }
            return c;
        }

        public float[] Apply(float[][] probs)
        {
            int n = probs[0].Length / 3;
            var mix = new float[n * 3];
            if (_weights is not null)
            {
                for (int m = 0; m < probs.Length; m++)
                    for (int i = 0; i < mix.Length; i++) mix[i] += _weights[m] * probs[m][i];
                return mix;
            }
            return _stacker!.Predict(StackRows(probs), threads: 1, applyOffsets: false).Probabilities;
        }

        public string Describe(string[] names) => _weights is not null
            ? string.Join(" ", names.Select((t, m) => $"{t} {_weights[m]:F2}"))
            : "multinomial logistic on log-probabilities";

        private static SparseMatrix StackRows(float[][] probs)
        {
            int n = probs[0].Length / 3, cols = probs.Length * 3;
            var b = new SparseMatrixBuilder(cols, n, n * cols);
            var idx = Enumerable.Range(0, cols).ToArray();
            var val = new float[cols];
            for (int i = 0; i < n; i++)
            {
                for (int m = 0; m < probs.Length; m++)
                    for (int k = 0; k < 3; k++) val[m * 3 + k] = MathF.Log(MathF.Max(probs[m][i * 3 + k], 1e-6f));
                b.AddRow(idx, val);
            }
            return b.Build();
        }
    }
}
