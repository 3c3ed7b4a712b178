using Aderencia.Domain;

namespace Aderencia.Models;

internal static class ClassWeights
{
    /// <summary>Per-class row weights; a class absent from <paramref name="y"/> gets weight 0 under Balanced.</summary>
    public static double[] Compute(ReadOnlySpan<AdherenceLevel> y, ClassWeighting mode)
    {
        var w = new double[AdherenceLevels.Count];
        if (mode == ClassWeighting.None)
        {
            w.AsSpan().Fill(1.0);
            return w;
        }
        Span<int> count = stackalloc int[AdherenceLevels.Count];
        foreach (var l in y) count[(int)l]++;
        for (int k = 0; k < w.Length; k++)
            w[k] = count[k] == 0 ? 0 : (double)y.Length / (AdherenceLevels.Count * count[k]);
        return w;
    }
}
