using Aderencia.Domain;
using Aderencia.Features;

namespace Aderencia.Models;

/// <summary>Multinomial (softmax) logistic regression with L2 on the weights and unpenalized per-class biases.</summary>
public sealed class LogisticRegression : ILevelClassifier
{
    public const string TypeName = "logistic";
    private const int K = 3;

    private float[] _weights = [];
    private float[] _bias = new float[K];
    private FitOptions? _options;

    public string Type => TypeName;
    public int ColumnCount { get; private set; }
    public float[] DecisionOffsets { get; set; } = new float[K];
    public FitSummary? LastFit { get; private set; }

    /// <summary>Weights laid out [column·3 + class].</summary>
    public ReadOnlySpan<float> Weights => _weights;

    public ParameterCount ParameterCount
    {
        get
        {
            long n = CountNonZero(_weights) + _bias.Length;
            return new ParameterCount(n, n);
        }
    }

    private static long CountNonZero(float[] w)
    {
        long n = 0;
        foreach (float v in w) if (v != 0) n++;
        return n;
    }
    public ReadOnlySpan<float> Bias => _bias;

    public void Fit(SparseMatrix x, ReadOnlySpan<AdherenceLevel> y, FitOptions options, SparseMatrix? xValid = null, AdherenceLevel[]? yValid = null)
    {
        options.Parameters.EnsureOnly(TypeName);
        var r = LinearTrainer.Train<SoftmaxLoss>(x, y, options, xValid, yValid, stackalloc double[K]);
        var w = new float[(long)x.ColumnCount * K];
        for (int c = 0; c < r.Columns.Length; c++)
            for (int k = 0; k < K; k++) w[r.Columns[c] * K + k] = (float)r.Parameters[c * K + k];
        int b = r.Columns.Length * K;
        _bias = [(float)r.Parameters[b], (float)r.Parameters[b + 1], (float)r.Parameters[b + 2]];
        _weights = w;
        _options = options;
        ColumnCount = x.ColumnCount;
        LastFit = r.Summary;
    }

    public void PredictProba(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probs3)
    {
        float z0 = _bias[0], z1 = _bias[1], z2 = _bias[2];
        var w = _weights;
        for (int j = 0; j < indices.Length; j++)
        {
            int c = indices[j];
            if ((uint)c >= (uint)ColumnCount) throw FeatureOutOfRange(c, ColumnCount);
            float v = values[j];
            int at = c * K;
            z0 += w[at] * v;
            z1 += w[at + 1] * v;
            z2 += w[at + 2] * v;
        }
        float m = MathF.Max(z0, MathF.Max(z1, z2));
        float e0 = MathF.Exp(z0 - m), e1 = MathF.Exp(z1 - m), e2 = MathF.Exp(z2 - m);
        float inv = 1f / (e0 + e1 + e2);
        probs3[0] = e0 * inv;
        probs3[1] = e1 * inv;
        probs3[2] = e2 * inv;
    }

    public void Contributions(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, int cls, Span<float> contrib)
    {
        if ((uint)cls >= K) throw new ArgumentOutOfRangeException(nameof(cls), cls, "class must be 0, 1 or 2");
        for (int j = 0; j < indices.Length; j++)
        {
            int c = indices[j];
            if ((uint)c >= (uint)ColumnCount) throw FeatureOutOfRange(c, ColumnCount);
            contrib[j] = _weights[c * K + cls] * values[j];
        }
    }

    public void Save(ModelWriter writer)
    {
        writer.Learner["columns"] = ColumnCount;
        if (_options is { } o) writer.Learner["options"] = LearnerJson.Options(o);
        writer.AddSection("weights", _weights, stride: K, writer.WeightEncoding);
        writer.AddSection("bias", _bias);
    }

    public static LogisticRegression Load(ModelReader reader)
    {
        int columns = reader.LearnerInt("columns");
        var w = reader.ReadSection("weights", (long)columns * K);
        var b = reader.ReadSection("bias", K);
        return new LogisticRegression { ColumnCount = columns, _weights = w, _bias = b };
    }

    internal static ArgumentException FeatureOutOfRange(int index, int columns) =>
        new($"feature index {index} is outside the model's {columns} columns; the featurizer settings differ from the ones the model was trained with");
}
