namespace Aderencia.Models;

/// <summary>The per-row part of a linear model's loss: scores w_k·x in, loss and its derivatives out.</summary>
internal interface IRowLoss
{
    /// <summary>Number of weight vectors (scores per row).</summary>
    static abstract int Outputs { get; }

    /// <summary>Number of unpenalized extra parameters (biases, thresholds) stored after the weights.</summary>
    static abstract int Extras { get; }

    /// <summary>Returns −log p(label) and writes ∂loss/∂score and ∂loss/∂extra.</summary>
    static abstract double Loss(ReadOnlySpan<double> scores, ReadOnlySpan<double> extras, int label, Span<double> dScore, Span<double> dExtra);
}
