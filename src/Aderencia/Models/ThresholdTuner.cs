using Aderencia.Domain;

namespace Aderencia.Models;

/// <summary>
/// Tunes the decision rule arg-max(log p_k + o_k) on validation rows to maximize macro-F1. o_BAIXA stays 0 (only
/// differences matter); o_MÉDIA and o_ALTA are set by coordinate search over a fixed grid until a full sweep
/// changes nothing. Ties keep the offset closest to 0, so the result is deterministic and no stronger than needed.
/// </summary>
public static class ThresholdTuner
{
    public const float GridLimit = 3f;
    public const float GridStep = 0.05f;
    private const int MaxSweeps = 10;

    public readonly record struct Result(float[] Offsets, double MacroF1Before, double MacroF1After);

    /// <param name="probabilities">[row·3 + class], as in <see cref="Predictions.Probabilities"/>.</param>
    public static Result Tune(ReadOnlySpan<float> probabilities, ReadOnlySpan<AdherenceLevel> truth)
    {
        if (probabilities.Length != truth.Length * 3) throw new ArgumentException($"{probabilities.Length / 3} probability rows but {truth.Length} labels");
        int n = truth.Length;
        var logp = new float[n * 3];
        for (int i = 0; i < logp.Length; i++) logp[i] = MathF.Log(MathF.Max(probabilities[i], 1e-30f));
        var predicted = new AdherenceLevel[n];
        var offsets = new float[3];
        double before = Score(logp, truth, offsets, predicted), best = before;

        int steps = (int)MathF.Round(GridLimit / GridStep);
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            bool changed = false;
            for (int k = 1; k < 3; k++)
            {
                float keep = offsets[k];
                float chosen = keep;
                for (int i = -steps; i <= steps; i++)
                {
                    offsets[k] = i * GridStep;
                    double f = Score(logp, truth, offsets, predicted);
                    if (f > best + 1e-12 || (Math.Abs(f - best) <= 1e-12 && Math.Abs(offsets[k]) < Math.Abs(chosen)))
                    {
                        if (f > best + 1e-12) changed = true;
                        best = Math.Max(best, f);
                        chosen = offsets[k];
                    }
                }
                offsets[k] = chosen;
            }
            if (!changed) break;
        }
        return new Result(offsets, before, best);
    }

    private static double Score(float[] logp, ReadOnlySpan<AdherenceLevel> truth, float[] offsets, AdherenceLevel[] predicted)
    {
        for (int r = 0; r < predicted.Length; r++)
        {
            float s0 = logp[r * 3], s1 = logp[r * 3 + 1] + offsets[1], s2 = logp[r * 3 + 2] + offsets[2];
            predicted[r] = s2 > s1 && s2 > s0 ? AdherenceLevel.Alta : s1 > s0 ? AdherenceLevel.Media : AdherenceLevel.Baixa;
        }
        return LevelMetrics.MacroF1(truth, predicted);
    }
}
