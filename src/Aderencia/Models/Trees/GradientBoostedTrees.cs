using System.Diagnostics;
using System.Text.Json.Nodes;
using Aderencia.Domain;
using Aderencia.Features;

namespace Aderencia.Models.Trees;

/// <summary>
/// Histogram-based gradient-boosted trees with a 3-class softmax: each round grows one Newton tree per level on
/// the dense feature columns, optionally on a seeded row subsample, and stops early on the validation loss.
/// </summary>
public sealed class GradientBoostedTrees : ILevelClassifier
{
    public const string TypeName = "trees";
    private const int K = 3;
    private const int MaxFeaturesOnStack = 1024;

    private Forest.Frozen _forest = new([], [], [], [], [], []);
    private float[] _base = new float[K];
    private int _features;
    private TreeSettings? _settings;

    public string Type => TypeName;
    public int ColumnCount { get; private set; }
    public float[] DecisionOffsets { get; set; } = new float[K];
    public FitSummary? LastFit { get; private set; }

    /// <summary>Trees in the model (3 per boosting round).</summary>
    public int TreeCount => _forest.Roots.Length;

    /// <summary>Split feature and threshold per inner node, a value per leaf, and the 3 base scores.</summary>
    public ParameterCount ParameterCount
    {
        get
        {
            long inner = _forest.InnerNodes, n = 2 * inner + (_forest.Feature.Length - inner) + K;
            return new ParameterCount(n, n);
        }
    }

    public void Fit(SparseMatrix x, ReadOnlySpan<AdherenceLevel> y, FitOptions options, SparseMatrix? xValid = null, AdherenceLevel[]? yValid = null)
    {
        options.Validate();
        var s = TreeSettings.From(options);
        if (y.Length != x.RowCount) throw new ArgumentException($"{x.RowCount} rows but {y.Length} labels");
        if (x.RowCount == 0) throw new ArgumentException("no rows to train on");
        var clock = Stopwatch.StartNew();
        int features = Math.Min(s.Features, Math.Min(x.ColumnCount, MaxFeaturesOnStack));
        int n = x.RowCount;
        var bins = FeatureBins.Fit(x, features, s.MaxBins);
        var labels = Labels(y);
        var classWeight = ClassWeights.Compute(y, options.ClassWeights);

        var baseScore = BaseScore(labels, classWeight);
        var score = new float[n * K];
        for (int r = 0; r < n; r++) baseScore.CopyTo(score.AsSpan(r * K));
        Validation? valid = xValid is not null && yValid is not null && xValid.RowCount > 0
            ? new Validation(xValid, yValid, features, baseScore, classWeight) : null;

        var forest = new Forest();
        var builder = new TreeBuilder(bins, s);
        var rng = new Random(options.Seed);
        var g = new float[n];
        var h = new float[n];
        var all = Enumerable.Range(0, n).ToArray();
        var rows = new int[n];
        int sampleSize = Math.Max(1, (int)Math.Round(s.Subsample * n));
        double bestLoss = double.PositiveInfinity, trainLoss = 0;
        int bestRounds = 0, round = 0;
        string stop = "n_estimators";
        var p = new float[n * K];
        while (round < s.Rounds)
        {
            trainLoss = Probabilities(score, labels, classWeight, p);
            int m = Sample(all, rows, sampleSize, rng);
            for (int k = 0; k < K; k++)
            {
                for (int r = 0; r < n; r++)
                {
                    int label = labels[r];
                    float w = (float)classWeight[label], pk = p[r * K + k];
                    g[r] = w * (pk - (label == k ? 1f : 0f));
                    h[r] = MathF.Max(w * pk * (1f - pk), 1e-16f);
                }
                forest.Roots.Add(builder.Grow(forest, rows.AsSpan(0, m), g, h));
                AddTree(forest, forest.Roots.Count - 1, bins, score, k);
            }
            round++;
            double vloss = valid?.AddRound(forest) ?? double.NaN;
            options.Progress?.Invoke(new FitProgress(round, trainLoss, double.NaN, (double)round * n / clock.Elapsed.TotalSeconds, vloss));
            if (valid is null) continue;
            if (vloss < bestLoss)
            {
                bestLoss = vloss;
                bestRounds = round;
            }
            else if (round - bestRounds >= s.Patience)
            {
                stop = $"no validation gain in {s.Patience} rounds";
                break;
            }
        }
        if (valid is not null) forest.Truncate(bestRounds * K);
        _forest = forest.Freeze();
        _base = baseScore;
        _features = features;
        _settings = s;
        ColumnCount = x.ColumnCount;
        string kept = valid is null ? $"{round} rounds" : $"best round {bestRounds} of {round} (validation loss {bestLoss:F4})";
        LastFit = new FitSummary(round, round, valid is null ? trainLoss : bestLoss, $"{stop}; {kept}", clock.Elapsed.TotalSeconds, features);
    }

    private static int[] Labels(ReadOnlySpan<AdherenceLevel> y)
    {
        var labels = new int[y.Length];
        for (int i = 0; i < y.Length; i++) labels[i] = (int)y[i];
        return labels;
    }

    /// <summary>Log of the class-weighted label shares: the score every row starts from.</summary>
    private static float[] BaseScore(int[] labels, double[] classWeight)
    {
        var mass = new double[K];
        foreach (int l in labels) mass[l] += classWeight[l];
        double total = mass.Sum();
        return mass.Select(v => (float)Math.Log(Math.Max(v / total, 1e-6))).ToArray();
    }

    /// <summary>Softmax of every row's scores into <paramref name="p"/>; returns the class-weighted mean log-loss.</summary>
    private static double Probabilities(float[] score, int[] labels, double[] classWeight, float[] p)
    {
        double loss = 0, weight = 0;
        for (int r = 0; r < labels.Length; r++)
        {
            Softmax(score.AsSpan(r * K, K), p.AsSpan(r * K, K));
            int label = labels[r];
            loss -= classWeight[label] * Math.Log(Math.Max(p[r * K + label], 1e-30f));
            weight += classWeight[label];
        }
        return weight > 0 ? loss / weight : 0;
    }

    private static int Sample(int[] all, int[] rows, int size, Random rng)
    {
        if (size >= all.Length)
        {
            all.CopyTo(rows, 0);
            return all.Length;
        }
        // partial Fisher–Yates draws a seeded sample; sorting it keeps histogram sums in row order
        all.CopyTo(rows, 0);
        for (int i = 0; i < size; i++)
        {
            int j = i + rng.Next(all.Length - i);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
        Array.Sort(rows, 0, size);
        return size;
    }

    /// <summary>Adds tree t's output to every training row's class-k score, walking the bin codes.</summary>
    private static void AddTree(Forest forest, int tree, FeatureBins bins, float[] score, int k)
    {
        int n = bins.Rows;
        for (int r = 0; r < n; r++)
        {
            int node = forest.Roots[tree];
            while (forest.Feature[node] is var f and >= 0)
            {
                float x = BinValue(bins, f, r);
                node = x <= forest.Threshold[node] ? forest.Left[node] : forest.Right[node];
            }
            score[r * K + k] += forest.Value[node];
        }
    }

    /// <summary>A value inside row r's bin of feature f, so threshold tests agree with the raw value's.</summary>
    private static float BinValue(FeatureBins bins, int f, int r)
    {
        int b = bins.Codes[f * bins.Rows + r];
        var edges = bins.Edges[f];
        return b < edges.Length ? edges[b] : float.PositiveInfinity;
    }

    private static void Softmax(ReadOnlySpan<float> z, Span<float> p)
    {
        float m = MathF.Max(z[0], MathF.Max(z[1], z[2]));
        float e0 = MathF.Exp(z[0] - m), e1 = MathF.Exp(z[1] - m), e2 = MathF.Exp(z[2] - m);
        float inv = 1f / (e0 + e1 + e2);
        p[0] = e0 * inv;
        p[1] = e1 * inv;
        p[2] = e2 * inv;
    }

    public void PredictProba(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probs3)
    {
        Span<float> x = stackalloc float[_features];
        Gather(indices, values, x);
        Span<float> z = stackalloc float[K];
        _base.CopyTo(z);
        var forest = _forest;
        for (int t = 0; t < forest.Roots.Length; t++) z[t % K] += forest.Value[forest.Leaf(t, x)];
        Softmax(z, probs3);
    }

    /// <summary>
    /// Saabas path attribution: walking each tree, a split on feature f credits f with the change in node value;
    /// per feature, the class's total minus the mean over the three classes (the softmax is shift-invariant).
    /// </summary>
    public void Contributions(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, int cls, Span<float> contrib)
    {
        if ((uint)cls >= K) throw new ArgumentOutOfRangeException(nameof(cls), cls, "class must be 0, 1 or 2");
        Span<float> x = stackalloc float[_features];
        Gather(indices, values, x);
        Span<float> phi = stackalloc float[_features];
        phi.Clear();
        var f = _forest;
        for (int t = 0; t < f.Roots.Length; t++)
        {
            float sign = t % K == cls ? 1f - 1f / K : -1f / K;
            int node = f.Roots[t];
            while (f.Feature[node] >= 0)
            {
                int next = x[f.Feature[node]] <= f.Threshold[node] ? f.Left[node] : f.Right[node];
                phi[f.Feature[node]] += sign * (f.Value[next] - f.Value[node]);
                node = next;
            }
        }
        for (int j = 0; j < indices.Length; j++) contrib[j] = indices[j] < _features ? phi[indices[j]] : 0f;
    }

    private void Gather(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> x)
    {
        x.Clear();
        for (int j = 0; j < indices.Length; j++)
        {
            int c = indices[j];
            if ((uint)c >= (uint)ColumnCount) throw LogisticRegression.FeatureOutOfRange(c, ColumnCount);
            if (c < x.Length) x[c] = values[j];
        }
    }

    public void Save(ModelWriter writer)
    {
        writer.Learner["columns"] = ColumnCount;
        writer.Learner["features"] = _features;
        writer.Learner["nodes"] = _forest.Feature.Length;
        writer.Learner["trees"] = _forest.Roots.Length;
        if (_settings is { } s)
            writer.Learner["options"] = new JsonObject
            {
                ["n_estimators"] = s.Rounds, ["learning_rate"] = s.LearningRate, ["max_depth"] = s.MaxDepth,
                ["min_samples_leaf"] = s.MinSamplesLeaf, ["l2"] = s.L2, ["subsample"] = s.Subsample,
                ["max_bins"] = s.MaxBins, ["patience"] = s.Patience,
            };
        // node links and features are small integers, exact in float32; thresholds stay float32 so splits do not move
        writer.AddSection("feature", _forest.Feature.Select(v => (float)v).ToArray());
        writer.AddSection("threshold", _forest.Threshold);
        writer.AddSection("left", _forest.Left.Select(v => (float)v).ToArray());
        writer.AddSection("right", _forest.Right.Select(v => (float)v).ToArray());
        writer.AddSection("value", _forest.Value);
        writer.AddSection("roots", _forest.Roots.Select(v => (float)v).ToArray());
        writer.AddSection("base", _base);
    }

    public static GradientBoostedTrees Load(ModelReader reader)
    {
        int columns = reader.LearnerInt("columns"), features = reader.LearnerInt("features");
        int nodes = reader.LearnerInt("nodes"), trees = reader.LearnerInt("trees");
        if (features < 1 || features > Math.Min(columns, MaxFeaturesOnStack) || nodes < 0 || trees < 0 || trees > nodes)
            throw reader.Damaged("impossible forest shape");
        var feature = Ints(reader.ReadSection("feature", nodes));
        var left = Ints(reader.ReadSection("left", nodes));
        var right = Ints(reader.ReadSection("right", nodes));
        var roots = Ints(reader.ReadSection("roots", trees));
        for (int i = 0; i < nodes; i++)
        {
            bool leaf = feature[i] == -1;
            if (!leaf && (feature[i] < 0 || feature[i] >= features || left[i] <= i || right[i] <= i || left[i] >= nodes || right[i] >= nodes))
                throw reader.Damaged($"node {i} links outside the forest");
        }
        foreach (int r in roots)
            if (r < 0 || r >= nodes) throw reader.Damaged("a tree root lies outside the forest");
        var forest = new Forest.Frozen(feature, reader.ReadSection("threshold", nodes), left, right, reader.ReadSection("value", nodes), roots);
        return new GradientBoostedTrees { ColumnCount = columns, _features = features, _forest = forest, _base = reader.ReadSection("base", K) };
    }

    private static int[] Ints(float[] values) => values.Select(v => (int)v).ToArray();

    /// <summary>Validation scores kept up to date round by round; <see cref="AddRound"/> returns the class-weighted log-loss.</summary>
    private sealed class Validation
    {
        private readonly float[] _x;
        private readonly int[] _labels;
        private readonly double[] _classWeight;
        private readonly float[] _score;
        private readonly int _features;
        private Forest.Frozen? _frozen;
        private int _done;

        public Validation(SparseMatrix x, AdherenceLevel[] y, int features, float[] baseScore, double[] classWeight)
        {
            _features = features;
            _labels = y.Select(l => (int)l).ToArray();
            _classWeight = classWeight;
            int n = x.RowCount;
            var columnMajor = FeatureBins.Dense(x, features);
            _x = new float[(long)n * features];
            for (int f = 0; f < features; f++)
                for (int r = 0; r < n; r++) _x[r * features + f] = columnMajor[f * n + r];
            _score = new float[n * K];
            for (int r = 0; r < n; r++) baseScore.CopyTo(_score.AsSpan(r * K));
        }

        public double AddRound(Forest forest)
        {
            _frozen = forest.Freeze();
            int n = _labels.Length;
            for (int t = _done; t < _frozen.Roots.Length; t++)
                for (int r = 0; r < n; r++)
                    _score[r * K + t % K] += _frozen.Value[_frozen.Leaf(t, _x.AsSpan(r * _features, _features))];
            _done = _frozen.Roots.Length;
            Span<float> p = stackalloc float[K];
            double loss = 0, weight = 0;
            for (int r = 0; r < n; r++)
            {
                Softmax(_score.AsSpan(r * K, K), p);
                int label = _labels[r];
                loss -= _classWeight[label] * Math.Log(Math.Max(p[label], 1e-30f));
                weight += _classWeight[label];
            }
            return weight > 0 ? loss / weight : double.NaN;
        }
    }
}
