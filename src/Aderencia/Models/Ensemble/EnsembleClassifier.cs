using System.Buffers;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Aderencia.Domain;
using Aderencia.Features;

namespace Aderencia.Models.Ensemble;

/// <summary>
/// A weighted average of member learners' probabilities, p = Σ_m w_m·p_m, with w on the simplex fitted to minimise
/// log-loss (class-weighted as <see cref="FitOptions.ClassWeights"/>, like the members' training) on the validation
/// rows (or, without them, on a seeded tenth of the training rows held out from the members). Keys: members (comma
/// list of learner types), holdout, and TYPE.KEY for a member's own parameters.
/// </summary>
public sealed class EnsembleClassifier : ILevelClassifier
{
    public const string TypeName = "ensemble";
    private const int K = 3;

    private ILevelClassifier[] _members;
    private float[] _weights;

    public EnsembleClassifier() : this([], []) { }

    /// <summary>An ensemble of trained members with fixed weights (they must sum to 1).</summary>
    public EnsembleClassifier(IReadOnlyList<ILevelClassifier> members, float[] weights)
    {
        if (members.Count != weights.Length) throw new ArgumentException($"{members.Count} members but {weights.Length} weights");
        if (weights.Any(w => !(w >= 0)) || (weights.Length > 0 && Math.Abs(weights.Sum() - 1) > 1e-4))
            throw new ArgumentException("ensemble weights must be non-negative and sum to 1");
        _members = [.. members];
        _weights = [.. weights];
        ColumnCount = members.Count == 0 ? 0 : members.Min(m => m.ColumnCount);
    }

    public string Type => TypeName;
    public int ColumnCount { get; private set; }
    public float[] DecisionOffsets { get; set; } = new float[K];
    public FitSummary? LastFit { get; private set; }
    public IReadOnlyList<ILevelClassifier> Members => _members;
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>
    /// The subset that scored best on the sample's eval part (cross-fitted over 5 folds of it, class-weighted weights;
    /// `Aderencia.Bench graph members` prints every subset): docs/models.md has the numbers.
    /// </summary>
    public const string DefaultMembers = "ordinal,neural,trees";

    public ParameterCount ParameterCount
    {
        get
        {
            long total = _weights.Length, trainable = _weights.Length;
            foreach (var m in _members)
            {
                total += m.ParameterCount.Total;
                trainable += m.ParameterCount.Trainable;
            }
            return new ParameterCount(total, trainable);
        }
    }

    public void Fit(SparseMatrix x, ReadOnlySpan<AdherenceLevel> y, FitOptions options, SparseMatrix? xValid = null, AdherenceLevel[]? yValid = null)
    {
        var sw = Stopwatch.StartNew();
        var types = options.Parameters.GetString("members", DefaultMembers)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (types.Length == 0) throw new ArgumentException("ensemble parameter members= names no learner");
        if (types.Contains(TypeName)) throw new ArgumentException("an ensemble cannot contain an ensemble");
        if (types.Distinct().Count() != types.Length) throw new ArgumentException("ensemble members must be distinct learner types");
        double holdout = options.Parameters.GetDouble("holdout", 0.1);
        if (!(holdout is > 0 and < 1)) throw new ArgumentException($"ensemble parameter holdout={holdout} must be between 0 and 1");
        var own = SplitParameters(options.Parameters, types);

        var (xFit, yFit, xWeigh, yWeigh) = xValid is not null && yValid is { Length: > 0 }
            ? (x, y.ToArray(), xValid, yValid)
            : HoldOut(x, y, holdout, options.Seed);
        var members = new ILevelClassifier[types.Length];
        var probs = new float[types.Length][];
        int iterations = 0;
        for (int m = 0; m < types.Length; m++)
        {
            members[m] = ModelRegistry.Create(types[m]);
            members[m].Fit(xFit, yFit, options with { Parameters = own[types[m]] }, xWeigh, yWeigh);
            probs[m] = members[m].Predict(xWeigh, options.Threads, applyOffsets: false).Probabilities;
            iterations += members[m].LastFit?.Iterations ?? 0;
        }
        var weights = MixtureWeights.Fit(probs, yWeigh, classWeights: options.ClassWeights);
        _members = members;
        _weights = weights;
        ColumnCount = x.ColumnCount;
        double loss = LogLoss(probs, weights, yWeigh, ClassWeights.Compute(yWeigh, options.ClassWeights));
        LastFit = new FitSummary(iterations, 0, loss,
            "weights " + string.Join(", ", types.Select((t, m) => $"{t} {weights[m]:F3}")), sw.Elapsed.TotalSeconds,
            members.Max(m => m.LastFit?.ActiveColumns ?? 0));
    }

    public void PredictProba(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probs3)
    {
        Span<float> p = stackalloc float[K];
        float a0 = 0, a1 = 0, a2 = 0;
        for (int m = 0; m < _members.Length; m++)
        {
            _members[m].PredictProba(indices, values, p);
            float w = _weights[m];
            a0 += w * p[0];
            a1 += w * p[1];
            a2 += w * p[2];
        }
        probs3[0] = a0;
        probs3[1] = a1;
        probs3[2] = a2;
    }

    /// <summary>The weight-averaged contributions of the members.</summary>
    public void Contributions(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, int cls, Span<float> contrib)
    {
        int n = indices.Length;
        contrib[..n].Clear();
        var scratch = ArrayPool<float>.Shared.Rent(Math.Max(1, n));
        try
        {
            for (int m = 0; m < _members.Length; m++)
            {
                var part = scratch.AsSpan(0, n);
                _members[m].Contributions(indices, values, cls, part);
                for (int i = 0; i < n; i++) contrib[i] += _weights[m] * part[i];
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    public void Save(ModelWriter writer)
    {
        writer.Learner["columns"] = ColumnCount;
        var members = new JsonArray();
        for (int m = 0; m < _members.Length; m++)
        {
            var sub = new ModelWriter(writer.WeightEncoding);
            sub.Learner["type"] = _members[m].Type;
            _members[m].Save(sub);
            members.Add(sub.Learner);
            writer.AddNested(MemberPrefix(m), sub);
        }
        writer.Learner["members"] = members;
        writer.AddSection("weights", _weights);
    }

    public static EnsembleClassifier Load(ModelReader reader)
    {
        int columns = reader.LearnerInt("columns");
        if (reader.Learner["members"] is not JsonArray list || list.Count == 0) throw reader.Damaged("the ensemble lists no members");
        var members = new ILevelClassifier[list.Count];
        for (int m = 0; m < list.Count; m++)
        {
            if (list[m] is not JsonObject learner || learner["type"]?.GetValue<string>() is not { } type)
                throw reader.Damaged($"ensemble member {m} has no type");
            members[m] = ModelRegistry.Load(type, reader.Nested(MemberPrefix(m), learner));
        }
        var weights = reader.ReadSection("weights", list.Count);
        return new EnsembleClassifier { _members = members, _weights = weights, ColumnCount = columns };
    }

    private static string MemberPrefix(int m) => $"m{m}";

    /// <summary>"knn.k=15" goes to the knn member as "k=15"; keys of the ensemble itself stay here.</summary>
    private static Dictionary<string, LearnerParameters> SplitParameters(LearnerParameters all, string[] types)
    {
        var byType = types.ToDictionary(t => t, _ => new List<KeyValuePair<string, string>>(), StringComparer.Ordinal);
        foreach (var (key, value) in all.Values)
        {
            if (key is "members" or "holdout") continue;
            int dot = key.IndexOf('.');
            if (dot <= 0 || !byType.TryGetValue(key[..dot], out var list))
                throw new ArgumentException($"ensemble parameter '{key}' is neither members, holdout nor TYPE.KEY for a member ({string.Join(", ", types)})");
            list.Add(KeyValuePair.Create(key[(dot + 1)..], value));
        }
        return byType.ToDictionary(kv => kv.Key, kv => new LearnerParameters(kv.Value), StringComparer.Ordinal);
    }

    private static (SparseMatrix, AdherenceLevel[], SparseMatrix, AdherenceLevel[]) HoldOut(SparseMatrix x, ReadOnlySpan<AdherenceLevel> y, double fraction, int seed)
    {
        var order = Enumerable.Range(0, x.RowCount).ToArray();
        new Random(seed).Shuffle(order);
        int held = Math.Clamp((int)Math.Round(x.RowCount * fraction), 1, x.RowCount - 1);
        var fit = order[held..];
        var weigh = order[..held];
        Array.Sort(fit);
        Array.Sort(weigh);
        var yy = y.ToArray();
        return (x.SelectRows(fit), fit.Select(i => yy[i]).ToArray(), x.SelectRows(weigh), weigh.Select(i => yy[i]).ToArray());
    }

    /// <summary>The (class-weighted) mean log-loss the weights minimised.</summary>
    private static double LogLoss(float[][] probs, float[] w, AdherenceLevel[] y, double[] classWeight)
    {
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double mix = 0;
            for (int m = 0; m < probs.Length; m++) mix += w[m] * probs[m][i * 3 + (int)y[i]];
            sum -= classWeight[(int)y[i]] * Math.Log(Math.Max(mix, 1e-12));
        }
        return y.Length == 0 ? double.NaN : sum / y.Length;
    }
}
