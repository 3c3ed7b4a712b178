namespace Aderencia.Models;

/// <summary>Multinomial cross-entropy over three classes, one unpenalized bias per class.</summary>
internal struct SoftmaxLoss : IRowLoss
{
    public static int Outputs => 3;
    public static int Extras => 3;

    public static double Loss(ReadOnlySpan<double> scores, ReadOnlySpan<double> extras, int label, Span<double> dScore, Span<double> dExtra)
    {
        double z0 = scores[0] + extras[0], z1 = scores[1] + extras[1], z2 = scores[2] + extras[2];
        double m = Math.Max(z0, Math.Max(z1, z2));
        double e0 = Math.Exp(z0 - m), e1 = Math.Exp(z1 - m), e2 = Math.Exp(z2 - m);
        double sum = e0 + e1 + e2;
        double lse = m + Math.Log(sum);
        double inv = 1.0 / sum;
        dScore[0] = e0 * inv - (label == 0 ? 1 : 0);
        dScore[1] = e1 * inv - (label == 1 ? 1 : 0);
        dScore[2] = e2 * inv - (label == 2 ? 1 : 0);
        dScore.CopyTo(dExtra);
        return lse - (label == 0 ? z0 : label == 1 ? z1 : z2);
    }
}
