using Aderencia.Text;

namespace Aderencia.Tests.Text;

public class NGramsTests
{
    private static List<uint> CharGrams(string word, int min, int max)
    {
        var result = new List<uint>();
        Span<char> scratch = stackalloc char[NGrams.CharScratchLength(word.Length)];
        foreach (uint h in NGrams.Chars(word, scratch, min, max)) result.Add(h);
        return result;
    }

    [Fact]
    public void CharNGramsAreFastTextSubstringsOfTheBoundedWord()
    {
        string[] expected = ["<ma", "<man", "man", "mana", "ana", "ana>", "na>"];
        Assert.Equal(expected.Select(s => FeatureHasher.Hash(s)), CharGrams("mana", 3, 4));
        Assert.Equal(0xFE92BAF6u, CharGrams("mana", 3, 3)[0]); // "<ma", from tools/text/hash_vectors.py
    }

    [Fact]
    public void LoneBoundaryMarkersAreSkipped()
    {
        string[] expected = ["<a", "a", "a>"];
        Assert.Equal(expected.Select(s => FeatureHasher.Hash(s)), CharGrams("a", 1, 2));
    }

    [Fact]
    public void WordNGramIsOrderSensitiveCombination()
    {
        uint a = FeatureHasher.Hash("manejo"), b = FeatureHasher.Hash("florest");
        Assert.Equal(FeatureHasher.Combine(7, [a, b]), NGrams.Word(7, [a, b]));
        Assert.NotEqual(NGrams.Word(7, [a, b]), NGrams.Word(7, [b, a]));
        Assert.NotEqual(NGrams.Word(7, [a]), NGrams.Word(8, [a]));
    }

    [Fact]
    public void InvalidRangeThrows() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NGrams.Chars("x", new char[3], 3, 2));
}
