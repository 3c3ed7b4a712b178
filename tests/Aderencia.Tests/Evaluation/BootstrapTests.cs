using Aderencia.Domain;
using Aderencia.Evaluation;

namespace Aderencia.Tests.Evaluation;

public class BootstrapTests
{
    [Fact]
    public void Percentile_matches_numpy_linear_rule()
    {
        var e = SklearnCase.LoadRaw("percentile");
        var values = e.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Array.Sort(values);
        var qs = e.GetProperty("q").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var want = e.GetProperty("percentiles").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (int i = 0; i < qs.Length; i++) Assert.Equal(want[i], Bootstrap.Percentile(values, qs[i]), 1e-15);
    }

    [Fact]
    public void Same_seed_gives_same_intervals_for_any_thread_count_and_another_seed_differs()
    {
        var c = SklearnCase.Load("noisy_5000");
        var one = Bootstrap.Compute(c.Truth, c.Predicted, 400, seed: 7, threads: 1);
        var two = Bootstrap.Compute(c.Truth, c.Predicted, 400, seed: 7, threads: 2);
        var other = Bootstrap.Compute(c.Truth, c.Predicted, 400, seed: 8, threads: 2);
        Assert.Equal(one, two);
        Assert.NotEqual(one.Accuracy, other.Accuracy);
    }

    [Fact]
    public void Intervals_hold_the_estimate_and_have_the_binomial_width()
    {
        var c = SklearnCase.Load("challenge_5000");
        var ci = Bootstrap.Compute(c.Truth, c.Predicted);
        var report = ClassificationReport.From(c.Truth, c.Predicted);
        Assert.True(ci.Accuracy.Contains(report.Accuracy));
        Assert.True(ci.MacroF1.Contains(report.MacroF1));
        double normalWidth = 2 * 1.96 * Math.Sqrt(report.Accuracy * (1 - report.Accuracy) / c.Truth.Length);
        Assert.InRange(ci.Accuracy.High - ci.Accuracy.Low, 0.85 * normalWidth, 1.15 * normalWidth);
        Assert.Equal(1000, ci.Resamples);
    }

    [Fact]
    public void Perfect_predictions_have_a_zero_width_interval_at_one()
    {
        var c = SklearnCase.Load("perfect");
        var ci = Bootstrap.Compute(c.Truth, c.Predicted, 200);
        Assert.Equal(new Interval(1, 1), ci.Accuracy);
        Assert.Equal(new Interval(1, 1), ci.MacroF1);
    }

    [Fact]
    public void Rejects_bad_arguments()
    {
        AdherenceLevel[] one = [AdherenceLevel.Alta];
        Assert.Throws<ArgumentException>(() => Bootstrap.Compute([], []));
        Assert.Throws<ArgumentException>(() => Bootstrap.Compute(one, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Compute(one, one, confidence: 95));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Compute(one, one, resamples: 1));
    }

    [Fact]
    public void SplitMix64_gives_the_published_first_output_for_seed_zero()
    {
        ulong state = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, Xoshiro256StarStar.SplitMix64(ref state));
    }

    [Fact]
    public void Bounded_draws_are_uniform()
    {
        var rng = new Xoshiro256StarStar(1);
        Span<int> hits = stackalloc int[7];
        const int draws = 70_000;
        for (int i = 0; i < draws; i++) hits[rng.NextInt(7)]++;
        double chi2 = 0;
        foreach (int h in hits) chi2 += (h - draws / 7.0) * (h - draws / 7.0) / (draws / 7.0);
        Assert.InRange(chi2, 0, 22.46); // χ²(6) at p = 0.001
    }
}
