using Aderencia.Splits;

namespace Aderencia.Tests.Splits;

public class NumpySeedSequenceTests
{
    private const string File = "seedsequence.json";

    public static TheoryData<int> Cases => SplitFixtures.CaseIndices(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void PoolAndGeneratedStateMatchNumpy(int index)
    {
        var c = SplitFixtures.Case(File, index);
        var ss = c.TryGetProperty("seed", out var seed)
            ? new NumpySeedSequence(seed.GetUInt64())
            : new NumpySeedSequence(SplitFixtures.UInts(c.GetProperty("entropyWords")));

        Assert.Equal(SplitFixtures.UInts(c.GetProperty("pool")), ss.Pool.ToArray());

        var words = new uint[8];
        ss.GenerateState(words);
        Assert.Equal(SplitFixtures.UInts(c.GetProperty("state32")), words);

        var longs = new ulong[4];
        ss.GenerateState(longs);
        Assert.Equal(SplitFixtures.ULongStrings(c.GetProperty("state64")), longs);
    }

    [Fact]
    public void SeedWiderThan32BitsUsesTwoWords()
    {
        Span<uint> words = [1234u, 1u];
        var fromWords = new NumpySeedSequence(words);
        var fromInt = new NumpySeedSequence((1UL << 32) + 1234);
        Assert.Equal(fromWords.Pool.ToArray(), fromInt.Pool.ToArray());
        Assert.NotEqual(new NumpySeedSequence(1234).Pool.ToArray(), fromInt.Pool.ToArray());
    }

    [Fact]
    public void EmptyEntropyIsRejected() =>
        Assert.Throws<ArgumentException>(() => new NumpySeedSequence(ReadOnlySpan<uint>.Empty));
}
