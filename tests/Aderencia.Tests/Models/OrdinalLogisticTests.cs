using Aderencia.Domain;
using Aderencia.Models;

namespace Aderencia.Tests.Models;

public class OrdinalLogisticTests
{
    [Fact]
    public void RecoversWeightsAndOrderedThresholds()
    {
        float[] w = [1.0f, -0.5f, 0.8f, 0f, 0.3f];
        var (x, y) = Synthetic.Ordinal(20000, w, t1: -0.5, t2: 1.0, seed: 11);
        var m = new OrdinalLogistic();
        m.Fit(x, y, new FitOptions { C = 1e6, Tolerance = 1e-7 });
        for (int j = 0; j < w.Length; j++) Assert.Equal(w[j], m.Weights[j], 0.06f);
        Assert.Equal(-0.5f, m.Threshold1, 0.08f);
        Assert.Equal(1.0f, m.Threshold2, 0.08f);
    }

    [Fact]
    public void ProbabilitiesFollowTheCumulativeLogits()
    {
        var (x, y) = Synthetic.Ordinal(2000, [1f, 1f], t1: -1, t2: 1, seed: 2);
        var m = new OrdinalLogistic();
        m.Fit(x, y, new FitOptions());
        var p = new float[3];
        m.PredictProba(x.RowIndices(0), x.RowValues(0), p);
        float s = m.Score(x.RowIndices(0), x.RowValues(0));
        Assert.Equal(1 / (1 + MathF.Exp(s - m.Threshold1)), p[0], 1e-6f);
        Assert.Equal(1f, p[0] + p[1] + p[2], 1e-6f);
        Assert.True(m.Threshold1 < m.Threshold2);
    }

    [Fact]
    public void ContributionSignsFollowTheOrder()
    {
        var (x, y) = Synthetic.Ordinal(2000, [2f], t1: -1, t2: 1, seed: 4);
        var m = new OrdinalLogistic();
        m.Fit(x, y, new FitOptions());
        var c = new float[1];
        m.Contributions([0], [1f], (int)AdherenceLevel.Alta, c);
        Assert.True(c[0] > 0);
        m.Contributions([0], [1f], (int)AdherenceLevel.Baixa, c);
        Assert.True(c[0] < 0);
        // extreme values on either side are evidence against MÉDIA
        m.Contributions([0], [5f], (int)AdherenceLevel.Media, c);
        Assert.True(c[0] < 0);
        m.Contributions([0], [-5f], (int)AdherenceLevel.Media, c);
        Assert.True(c[0] < 0);
    }

    [Fact]
    public void BalancedWeightsShiftPredictionsTowardRareClasses()
    {
        // ALTA is rare: balanced weighting must predict it more often
        var (x, y) = Synthetic.Ordinal(6000, [1f, 0.5f], t1: 0, t2: 2.5, seed: 8);
        int Alta(ClassWeighting cw)
        {
            var m = new OrdinalLogistic();
            m.Fit(x, y, new FitOptions { ClassWeights = cw });
            return m.Predict(x).Levels.Count(l => l == AdherenceLevel.Alta);
        }
        Assert.True(Alta(ClassWeighting.Balanced) > Alta(ClassWeighting.None));
    }
}
