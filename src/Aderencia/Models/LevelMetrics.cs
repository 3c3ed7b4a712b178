using Aderencia.Domain;

namespace Aderencia.Models;

/// <summary>The few scores the models module needs itself (tuning, quantization checks).</summary>
public static class LevelMetrics
{
    /// <summary>Unweighted mean of per-class F1 over the three levels; a class never true nor predicted scores 0 (as scikit-learn).</summary>
    public static double MacroF1(ReadOnlySpan<AdherenceLevel> truth, ReadOnlySpan<AdherenceLevel> predicted)
    {
        if (truth.Length != predicted.Length) throw new ArgumentException($"{truth.Length} labels but {predicted.Length} predictions");
        Span<int> tp = stackalloc int[3], fp = stackalloc int[3], fn = stackalloc int[3];
        for (int i = 0; i < truth.Length; i++)
        {
            int t = (int)truth[i], p = (int)predicted[i];
            if (t == p) tp[t]++;
            else { fp[p]++; fn[t]++; }
        }
        double sum = 0;
        for (int k = 0; k < 3; k++)
        {
            int denom = 2 * tp[k] + fp[k] + fn[k];
            sum += denom == 0 ? 0 : 2.0 * tp[k] / denom;
        }
        return sum / 3;
    }

    public static double Accuracy(ReadOnlySpan<AdherenceLevel> truth, ReadOnlySpan<AdherenceLevel> predicted)
    {
        if (truth.Length != predicted.Length) throw new ArgumentException($"{truth.Length} labels but {predicted.Length} predictions");
        if (truth.IsEmpty) return double.NaN;
        int hit = 0;
        for (int i = 0; i < truth.Length; i++) if (truth[i] == predicted[i]) hit++;
        return (double)hit / truth.Length;
    }
}
