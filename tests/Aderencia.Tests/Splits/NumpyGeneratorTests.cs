using Aderencia.Splits;

namespace Aderencia.Tests.Splits;

public class NumpyGeneratorTests
{
    private const string File = "permutations.json";

    public static TheoryData<int> Cases => SplitFixtures.CaseIndices(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void PermutationMatchesNumpy(int index)
    {
        var c = SplitFixtures.Case(File, index);
        ulong seed = c.GetProperty("seed").GetUInt64();
        int n = c.GetProperty("n").GetInt32();
        var p = new NumpyGenerator(seed).Permutation(n);

        Assert.Equal(n, p.Length);
        if (c.TryGetProperty("full", out var full))
            Assert.Equal(SplitFixtures.Ints(full), p);
        var head = SplitFixtures.Ints(c.GetProperty("head"));
        var tail = SplitFixtures.Ints(c.GetProperty("tail"));
        Assert.Equal(head, p[..head.Length]);
        Assert.Equal(tail, p[^tail.Length..]);
        Assert.Equal(c.GetProperty("sha256").GetString(), SplitFixtures.Sha256Int32Le(p));
    }

    [Fact]
    public void ShuffleOfArangeEqualsPermutation()
    {
        var items = Enumerable.Range(0, 1000).ToArray();
        new NumpyGenerator(123).Shuffle(items.AsSpan());
        Assert.Equal(new NumpyGenerator(123).Permutation(1000), items);
    }

    [Fact]
    public void RandomIntervalStaysInRangeOnBothPaths()
    {
        var rng = new NumpyGenerator(5);
        Assert.Equal(0UL, rng.RandomInterval(0));
        foreach (ulong max in (ulong[])[1, 2, 7, 100, uint.MaxValue, (ulong)uint.MaxValue + 1, ulong.MaxValue / 3, ulong.MaxValue])
        {
            bool sawHighHalf = false;
            for (int i = 0; i < 200; i++)
            {
                ulong v = rng.RandomInterval(max);
                Assert.InRange(v, 0UL, max);
                sawHighHalf |= v > max / 2;
            }
            Assert.True(sawHighHalf, $"200 draws in [0, {max}] never exceeded the midpoint");
        }
    }

    [Fact]
    public void NegativeSizeIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new NumpyGenerator(0).Permutation(-1));
}
