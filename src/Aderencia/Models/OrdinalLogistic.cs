using Aderencia.Domain;
using Aderencia.Features;

namespace Aderencia.Models;

/// <summary>
/// Cumulative-logit (proportional odds) model: one weight vector w and ordered thresholds θ₁ &lt; θ₂ with
/// P(y ≤ k) = σ(θₖ − w·x); L2 on w, thresholds unpenalized.
/// </summary>
public sealed class OrdinalLogistic : ILevelClassifier
{
    public const string TypeName = "ordinal";

    private float[] _weights = [];
    private FitOptions? _options;

    public string Type => TypeName;
    public int ColumnCount { get; private set; }
    public float[] DecisionOffsets { get; set; } = new float[AdherenceLevels.Count];
    public FitSummary? LastFit { get; private set; }

    public ReadOnlySpan<float> Weights => _weights;

    public ParameterCount ParameterCount
    {
        get
        {
            long n = CountNonZero(_weights) + 2;
            return new ParameterCount(n, n);
        }
    }

    private static long CountNonZero(float[] w)
    {
        long n = 0;
        foreach (float v in w) if (v != 0) n++;
        return n;
    }
    public float Threshold1 { get; private set; }
    public float Threshold2 { get; private set; }

    public void Fit(SparseMatrix x, ReadOnlySpan<AdherenceLevel> y, FitOptions options, SparseMatrix? xValid = null, AdherenceLevel[]? yValid = null)
    {
        options.Parameters.EnsureOnly(TypeName);
        // Start at the thresholds that reproduce the (class-weighted) label frequencies with w = 0.
        var cw = ClassWeights.Compute(y, options.ClassWeights);
        Span<double> mass = stackalloc double[3];
        foreach (var l in y) mass[(int)l] += cw[(int)l];
        double total = mass[0] + mass[1] + mass[2];
        double t1 = Logit(mass[0] / total), t2 = Logit((mass[0] + mass[1]) / total);
        Span<double> start = [t1, Math.Log(Math.Max(t2 - t1, 1e-2))];

        var r = LinearTrainer.Train<OrdinalLoss>(x, y, options, xValid, yValid, start);
        var w = new float[x.ColumnCount];
        for (int c = 0; c < r.Columns.Length; c++) w[r.Columns[c]] = (float)r.Parameters[c];
        int e = r.Columns.Length;
        Threshold1 = (float)r.Parameters[e];
        Threshold2 = (float)(r.Parameters[e] + Math.Exp(r.Parameters[e + 1]));
        _weights = w;
        _options = options;
        ColumnCount = x.ColumnCount;
        LastFit = r.Summary;
    }

    public void PredictProba(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probs3)
    {
        float s = Score(indices, values);
        float c1 = Sigmoid(Threshold1 - s), c2 = Sigmoid(Threshold2 - s);
        probs3[0] = c1;
        probs3[1] = MathF.Max(c2 - c1, 0f);
        probs3[2] = 1f - c2;
    }

    /// <summary>w·x, the latent position on the BAIXA → ALTA scale.</summary>
    public float Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        float s = 0;
        var w = _weights;
        for (int j = 0; j < indices.Length; j++)
        {
            int c = indices[j];
            if ((uint)c >= (uint)ColumnCount) throw LogisticRegression.FeatureOutOfRange(c, ColumnCount);
            s += w[c] * values[j];
        }
        return s;
    }

    /// <remarks>The sign follows ∂log p(cls)/∂s at this row: ALTA always gains from w·x, BAIXA always loses,
    /// MÉDIA gains below the middle of the two thresholds' pull and loses above it.</remarks>
    public void Contributions(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, int cls, Span<float> contrib)
    {
        if ((uint)cls >= 3) throw new ArgumentOutOfRangeException(nameof(cls), cls, "class must be 0, 1 or 2");
        float sign = 1f;
        if (cls == 0) sign = -1f;
        else if (cls == 1)
        {
            float s = Score(indices, values);
            // ∂log p₁/∂s = σ(θ₁ − s) + σ(θ₂ − s) − 1
            sign = Sigmoid(Threshold1 - s) + Sigmoid(Threshold2 - s) - 1f >= 0 ? 1f : -1f;
        }
        for (int j = 0; j < indices.Length; j++)
        {
            int c = indices[j];
            if ((uint)c >= (uint)ColumnCount) throw LogisticRegression.FeatureOutOfRange(c, ColumnCount);
            contrib[j] = sign * _weights[c] * values[j];
        }
    }

    public void Save(ModelWriter writer)
    {
        writer.Learner["columns"] = ColumnCount;
        if (_options is { } o) writer.Learner["options"] = LearnerJson.Options(o);
        writer.AddSection("weights", _weights, stride: 1, writer.WeightEncoding);
        writer.AddSection("thresholds", [Threshold1, Threshold2]);
    }

    public static OrdinalLogistic Load(ModelReader reader)
    {
        int columns = reader.LearnerInt("columns");
        var w = reader.ReadSection("weights", columns);
        var t = reader.ReadSection("thresholds", 2);
        if (!(t[0] < t[1])) throw reader.Damaged($"thresholds {t[0]} and {t[1]} are not ordered");
        return new OrdinalLogistic { ColumnCount = columns, _weights = w, Threshold1 = t[0], Threshold2 = t[1] };
    }

    private static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-3, 1 - 1e-3);
        return Math.Log(p / (1 - p));
    }

    private static float Sigmoid(float z) => z >= 0 ? 1f / (1f + MathF.Exp(-z)) : MathF.Exp(z) / (1f + MathF.Exp(z));
}
