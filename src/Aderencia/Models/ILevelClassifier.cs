using Aderencia.Domain;
using Aderencia.Features;

namespace Aderencia.Models;

/// <summary>A learner that maps a sparse feature row to probabilities of BAIXA, MÉDIA, ALTA.</summary>
public interface ILevelClassifier
{
    /// <summary>The registry name written into model files.</summary>
    string Type { get; }

    /// <summary>Feature width the model was trained on; rows must use indices below it.</summary>
    int ColumnCount { get; }

    /// <summary>Per-class offsets added to log p before the arg-max (see <see cref="ThresholdTuner"/>); zeros by default.</summary>
    float[] DecisionOffsets { get; set; }

    /// <summary>How many numbers the model holds (non-zero weights, biases, stored vectors) and how many of them training fits.</summary>
    ParameterCount ParameterCount { get; }

    /// <summary>What the last <see cref="Fit"/> did, or null for a loaded model.</summary>
    FitSummary? LastFit { get; }

    void Fit(SparseMatrix x, ReadOnlySpan<AdherenceLevel> y, FitOptions options, SparseMatrix? xValid = null, AdherenceLevel[]? yValid = null);

    /// <summary>Writes P(Baixa), P(Media), P(Alta) into <paramref name="probs3"/>; allocation-free.</summary>
    void PredictProba(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probs3);

    /// <summary>
    /// Per-feature evidence for class <paramref name="cls"/> (weight × value, signed so that positive pushes toward
    /// the class), aligned with <paramref name="indices"/>.
    /// </summary>
    void Contributions(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, int cls, Span<float> contrib);

    /// <summary>Writes the learner's parameters and hyper-parameters; read back through <see cref="ModelRegistry"/>.</summary>
    void Save(ModelWriter writer);
}

/// <param name="Total">Every stored number that prediction reads (zero weights of hashed buckets no row hit are not counted).</param>
/// <param name="Trainable">The part of <paramref name="Total"/> set by optimisation (a kNN's stored vectors are not).</param>
public readonly record struct ParameterCount(long Total, long Trainable);

/// <summary>Outcome of a training run.</summary>
public sealed record FitSummary(int Iterations, int Evaluations, double Loss, string StopReason, double Seconds, int ActiveColumns);
