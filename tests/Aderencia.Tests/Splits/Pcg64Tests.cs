using Aderencia.Splits;

namespace Aderencia.Tests.Splits;

public class Pcg64Tests
{
    private const string File = "pcg64.json";

    public static TheoryData<int> Cases => SplitFixtures.CaseIndices(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void SeededStateMatchesNumpy(int index)
    {
        var c = SplitFixtures.Case(File, index);
        var bg = new Pcg64(c.GetProperty("seed").GetUInt64());
        Assert.Equal(SplitFixtures.Hex128(c.GetProperty("state")), bg.State);
        Assert.Equal(SplitFixtures.Hex128(c.GetProperty("inc")), bg.Increment);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RawOutputsMatchNumpy(int index)
    {
        var c = SplitFixtures.Case(File, index);
        var bg = new Pcg64(c.GetProperty("seed").GetUInt64());
        var expected = SplitFixtures.ULongStrings(c.GetProperty("raw"));
        var actual = new ulong[expected.Length];
        for (int i = 0; i < actual.Length; i++) actual[i] = bg.NextUInt64();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BufferedUInt32InterleavedWithUInt64MatchesNumpy(int index)
    {
        var c = SplitFixtures.Case(File, index);
        var bg = new Pcg64(c.GetProperty("seed").GetUInt64());
        var pattern = c.GetProperty("mixedPattern").GetString()!;
        var actual = new ulong[pattern.Length];
        for (int i = 0; i < pattern.Length; i++)
            actual[i] = pattern[i] == '3' ? bg.NextUInt32() : bg.NextUInt64();
        Assert.Equal(SplitFixtures.ULongStrings(c.GetProperty("mixed")), actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DoublesMatchNumpyBitForBit(int index)
    {
        var c = SplitFixtures.Case(File, index);
        var bg = new Pcg64(c.GetProperty("seed").GetUInt64());
        var expected = SplitFixtures.ULongStrings(c.GetProperty("doubleBits"));
        var actual = new ulong[expected.Length];
        for (int i = 0; i < actual.Length; i++)
        {
            double d = bg.NextDouble();
            Assert.InRange(d, 0.0, 0.9999999999999999);
            actual[i] = BitConverter.DoubleToUInt64Bits(d);
        }
        Assert.Equal(expected, actual);
    }
}
