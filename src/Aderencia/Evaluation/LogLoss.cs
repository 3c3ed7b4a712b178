using Aderencia.Domain;

namespace Aderencia.Evaluation;

/// <summary>Mean cross-entropy of the true level under the predicted probabilities (sklearn's log_loss).</summary>
public static class LogLoss
{
    /// <summary>
    /// <paramref name="probabilities"/> holds 3 values per row (BAIXA, MÉDIA, ALTA). Like sklearn, each value is clipped
    /// to [ε, 1 − ε] (ε = double epsilon) and each row renormalised to sum 1 before taking −ln p(true level).
    /// </summary>
    public static double Compute(ReadOnlySpan<AdherenceLevel> truth, ReadOnlySpan<float> probabilities)
    {
        const int k = AdherenceLevels.Count;
        if (truth.IsEmpty) throw new ArgumentException("log loss needs at least one row", nameof(truth));
        if (probabilities.Length != truth.Length * k)
            throw new ArgumentException($"{probabilities.Length} probabilities for {truth.Length} rows; give {k} per row (BAIXA, MÉDIA, ALTA)", nameof(probabilities));
        const double eps = 2.220446049250313e-16; // numpy.finfo(float64).eps
        double sum = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            var row = probabilities.Slice(i * k, k);
            double rowSum = 0, chosen = 0;
            for (int c = 0; c < k; c++)
            {
                if (!float.IsFinite(row[c]) || row[c] < 0)
                    throw new ArgumentException($"row {i} has probability {row[c]} for {AdherenceLevels.All[c].Label()}; probabilities must be finite and non-negative", nameof(probabilities));
                double p = Math.Clamp((double)row[c], eps, 1 - eps);
                rowSum += p;
                if (c == (int)truth[i]) chosen = p;
            }
            sum += -Math.Log(chosen / rowSum);
        }
        return sum / truth.Length;
    }
}
