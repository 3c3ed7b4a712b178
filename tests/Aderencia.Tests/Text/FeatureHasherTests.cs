using Aderencia.Text;

namespace Aderencia.Tests.Text;

/// <summary>Expected values come from the independent Python implementation in tools/text/hash_vectors.py.</summary>
public class FeatureHasherTests
{
    [Theory]
    [InlineData("", 0u, 0x00000000u)]
    [InlineData("a", 0u, 0x6F49D11Au)]
    [InlineData("manejo", 0u, 0x891B8E14u)]
    [InlineData("florest", 0u, 0x2B708CDDu)]
    [InlineData("castanha-do-brasil", 0u, 0xC9A0F71Fu)]
    [InlineData("redd+", 0u, 0x817CDA4Du)]
    [InlineData("covid-19", 0u, 0xAE665C17u)]
    [InlineData("inovacao", 42u, 0x6C6C955Du)]
    [InlineData("ação", 0u, 0x0B32E47Bu)]
    public void HashIsMurmur3OverUtf16(string text, uint seed, uint expected) =>
        Assert.Equal(expected, FeatureHasher.Hash(text, seed));

    [Fact]
    public void CombineIsMurmur3OverTheHashes()
    {
        uint ns = FeatureHasher.Namespace("resumo");
        uint m = FeatureHasher.Hash("manejo"), f = FeatureHasher.Hash("florest");
        Assert.Equal(0x55647B7Cu, ns);
        Assert.Equal(0x77AE1FDCu, FeatureHasher.Combine(ns, m));
        Assert.Equal(0x0DC80647u, FeatureHasher.Combine(ns, m, f));
        Assert.Equal(0x0DC80647u, FeatureHasher.Combine(ns, [m, f]));
        Assert.Equal(0xA325BDE5u, FeatureHasher.Namespace(FeatureHasher.Namespace("theme"), 17));
    }

    [Fact]
    public void BucketAndSign()
    {
        Assert.Equal(0x1F, FeatureHasher.Bucket(0xFFFF_FFFFu, 5));
        Assert.Equal(0x7FFF_FFFF, FeatureHasher.Bucket(0xFFFF_FFFFu, 31));
        Assert.Equal(-1, FeatureHasher.Sign(0x8000_0000u));
        Assert.Equal(1, FeatureHasher.Sign(0x7FFF_FFFFu));
    }
}
