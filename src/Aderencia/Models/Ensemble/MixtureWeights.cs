using Aderencia.Domain;

namespace Aderencia.Models.Ensemble;

/// <summary>
/// Weights on the probability simplex for a mixture Σ_m w_m·p_m that minimise the (optionally class-weighted) mean
/// log-loss of the true class (convex in w), by exponentiated-gradient descent: w_m ← w_m·exp(−η·∂L/∂w_m), renormalised.
/// </summary>
public static class MixtureWeights
{
    /// <param name="memberProbabilities">Per member, [row·3 + class] probabilities on the same rows.</param>
    /// <param name="classWeights">Balanced weighs each row's loss by n / (3 · count(its class)), as the learners' training does.</param>
    public static float[] Fit(IReadOnlyList<float[]> memberProbabilities, ReadOnlySpan<AdherenceLevel> truth, int iterations = 500, double rate = 0.5,
        ClassWeighting classWeights = ClassWeighting.None)
    {
        int members = memberProbabilities.Count, n = truth.Length;
        if (members == 0) throw new ArgumentException("no members to weigh");
        foreach (var p in memberProbabilities)
            if (p.Length != n * 3) throw new ArgumentException($"a member gave {p.Length / 3} probability rows for {n} labels");
        var w = new double[members];
        Array.Fill(w, 1.0 / members);
        if (n == 0) return w.Select(v => (float)v).ToArray();
        var rowWeight = ClassWeights.Compute(truth, classWeights);
        var grad = new double[members];
        for (int t = 0; t < iterations; t++)
        {
            Array.Clear(grad);
            for (int i = 0; i < n; i++)
            {
                int at = i * 3 + (int)truth[i];
                double mix = 0;
                for (int m = 0; m < members; m++) mix += w[m] * memberProbabilities[m][at];
                mix = Math.Max(mix, 1e-12);
                double c = rowWeight[(int)truth[i]];
                for (int m = 0; m < members; m++) grad[m] -= c * memberProbabilities[m][at] / mix;
            }
            double z = 0;
            for (int m = 0; m < members; m++)
            {
                w[m] *= Math.Exp(-rate * grad[m] / n);
                z += w[m];
            }
            for (int m = 0; m < members; m++) w[m] /= z;
        }
        return w.Select(v => (float)v).ToArray();
    }
}
