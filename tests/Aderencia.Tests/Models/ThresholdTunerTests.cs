using Aderencia.Domain;
using Aderencia.Models;

namespace Aderencia.Tests.Models;

public class ThresholdTunerTests
{
    [Fact]
    public void MacroF1MatchesHandComputation()
    {
        AdherenceLevel[] t = [0, 0, (AdherenceLevel)1, (AdherenceLevel)1, (AdherenceLevel)2, (AdherenceLevel)2];
        AdherenceLevel[] p = [0, (AdherenceLevel)1, (AdherenceLevel)1, (AdherenceLevel)1, (AdherenceLevel)2, 0];
        // F1: Baixa 2·1/(2+1+1)=0.5, Media 2·2/(4+1+0)=0.8, Alta 2·1/(2+0+1)=2/3
        Assert.Equal((0.5 + 0.8 + 2.0 / 3) / 3, LevelMetrics.MacroF1(t, p), 12);
    }

    [Fact]
    public void OffsetRescuesAnUnderpredictedClass()
    {
        // MÉDIA rows always get p(MÉDIA)=0.4 < p(BAIXA)=0.6, so plain arg-max never predicts MÉDIA
        var probs = new List<float>();
        var truth = new List<AdherenceLevel>();
        for (int i = 0; i < 50; i++) { probs.AddRange([0.6f, 0.4f, 0f]); truth.Add(AdherenceLevel.Media); }
        for (int i = 0; i < 50; i++) { probs.AddRange([0.9f, 0.1f, 0f]); truth.Add(AdherenceLevel.Baixa); }
        for (int i = 0; i < 50; i++) { probs.AddRange([0.1f, 0.1f, 0.8f]); truth.Add(AdherenceLevel.Alta); }
        var r = ThresholdTuner.Tune(probs.ToArray(), truth.ToArray());
        Assert.Equal(1.0, r.MacroF1After, 12);
        Assert.True(r.MacroF1Before < 0.8);
        // the smallest grid offset that separates log 0.4 − log 0.6 from log 0.1 − log 0.9
        Assert.Equal(0.45f, r.Offsets[1], 1e-6f);
        Assert.Equal(0f, r.Offsets[0]);
        var levels = Enumerable.Range(0, truth.Count).Select(i => LevelClassifierExtensions.Decide(probs.ToArray().AsSpan(i * 3, 3), r.Offsets)).ToArray();
        Assert.Equal(truth, levels);
    }
}
