namespace Aderencia.Evaluation;

/// <summary>Cohen's kappa with quadratic weights (sklearn's cohen_kappa_score(weights="quadratic")).</summary>
public static class CohenKappa
{
    /// <summary>
    /// 1 − Σ w·observed / Σ w·expected with w(i, j) = (i − j)² and expected = outer(predicted counts, true counts) / n.
    /// NaN when undefined (every row and prediction in one class), as sklearn returns.
    /// </summary>
    public static double QuadraticWeighted(ConfusionMatrix confusion)
    {
        int k = confusion.Classes;
        var counts = confusion.Counts;
        double n = confusion.Total, observed = 0, expected = 0;
        for (int i = 0; i < k; i++)
        {
            double predictedI = confusion.PredictedCount(i);
            for (int j = 0; j < k; j++)
            {
                int w = (i - j) * (i - j);
                observed += (double)w * counts[i * k + j];
                expected += w * (predictedI * confusion.TrueCount(j) / n);
            }
        }
        return 1.0 - observed / expected;
    }
}
