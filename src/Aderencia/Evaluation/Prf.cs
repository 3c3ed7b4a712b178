namespace Aderencia.Evaluation;

/// <summary>scikit-learn's precision / recall / F1 arithmetic with zero_division=0, in its order of operations.</summary>
internal static class Prf
{
    public static double Divide(int numerator, int denominator) => denominator == 0 ? 0.0 : (double)numerator / denominator;

    /// <summary>2PR / (P + R), 0 when both are 0 (sklearn 1.2 computes F from P and R, not from counts).</summary>
    public static double F1(double precision, double recall)
    {
        double denominator = precision + recall;
        return denominator == 0.0 ? 0.0 : 2.0 * precision * recall / denominator;
    }

    /// <summary>Scores of class <paramref name="c"/> from truth-major k×k counts.</summary>
    public static ClassScores Class(ReadOnlySpan<int> counts, int k, int c)
    {
        int tp = counts[c * k + c], truthCount = 0, predictedCount = 0;
        for (int j = 0; j < k; j++)
        {
            truthCount += counts[c * k + j];
            predictedCount += counts[j * k + c];
        }
        double p = Divide(tp, predictedCount), r = Divide(tp, truthCount);
        return new ClassScores(p, r, F1(p, r), truthCount);
    }

    /// <summary>
    /// Unweighted mean F1 over the classes; with <paramref name="presentOnly"/> only classes that occur in the truth or
    /// the predictions count (sklearn's default when no labels are given). Allocation-free for the bootstrap.
    /// </summary>
    public static double MacroF1(ReadOnlySpan<int> counts, int k, bool presentOnly = false)
    {
        double sum = 0.0;
        int used = 0;
        for (int c = 0; c < k; c++)
        {
            var s = Class(counts, k, c);
            if (presentOnly && s.Support == 0 && PredictedCount(counts, k, c) == 0) continue;
            sum += s.F1;
            used++;
        }
        return used == 0 ? 0.0 : sum / used;
    }

    private static int PredictedCount(ReadOnlySpan<int> counts, int k, int c)
    {
        int sum = 0;
        for (int t = 0; t < k; t++) sum += counts[t * k + c];
        return sum;
    }
}
