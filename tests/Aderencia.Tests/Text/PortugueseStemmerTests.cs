using Aderencia.Text;

namespace Aderencia.Tests.Text;

public class PortugueseStemmerTests
{
    [Theory]
    [InlineData("inovação", "inov")]
    [InlineData("florestais", "florest")]
    [InlineData("manejo", "manej")]
    [InlineData("abrangência", "abrangent")]
    [InlineData("abordagens", "abordagens")]
    [InlineData("abolição", "aboliçã")]
    [InlineData("cadeira", "cadeir")]
    [InlineData("biologia", "biolog")]
    [InlineData("rapidamente", "rapid")]
    [InlineData("felicidade", "felic")]
    [InlineData("sustentabilidade", "sustent")]
    [InlineData("a", "a")]
    [InlineData("", "")]
    public void KnownStems(string word, string expected) =>
        Assert.Equal(expected, PortugueseStemmer.Stem(word));

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "text", name);

    private static IEnumerable<(string Word, string Stem)> Pairs(string name) =>
        File.ReadLines(Fixture(name)).Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t')).Select(f => (f[0], f[1]));

    private static List<string> Mismatches(IEnumerable<(string Word, string Stem)> pairs, out int count)
    {
        Span<char> buffer = stackalloc char[PortugueseStemmer.MaxWordLength];
        var mismatches = new List<string>();
        count = 0;
        foreach ((string word, string expected) in pairs)
        {
            int n = PortugueseStemmer.Stem(word, buffer);
            if (!buffer[..n].SequenceEqual(expected)) mismatches.Add($"{word}: expected {expected}, got {buffer[..n].ToString()}");
            count++;
        }
        return mismatches;
    }

    [Fact]
    public void MatchesTheOfficialSnowballSample()
    {
        List<string> mismatches = Mismatches(Pairs("snowball_reference_sample.tsv"), out int count);
        Assert.Equal(56, count);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void MatchesEveryNltkPairExceptTheDocumentedDeviations()
    {
        Dictionary<string, string> exceptions = Pairs("portuguese_stems_exceptions.tsv").ToDictionary(p => p.Word, p => p.Stem);
        var nltk = Pairs("portuguese_stems.tsv").ToList();
        Assert.All(exceptions.Keys, w => Assert.Contains(nltk, p => p.Word == w && p.Stem != exceptions[w]));

        List<string> mismatches = Mismatches(nltk.Select(p => (p.Word, exceptions.GetValueOrDefault(p.Word, p.Stem))), out int count);
        Assert.Equal(19_388, count);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {count} differ:\n" + string.Join("\n", mismatches.Take(50)));
    }

    [Fact]
    public void LongWordsAreCopiedUnchanged()
    {
        string word = new('a', PortugueseStemmer.MaxWordLength + 1);
        Assert.Equal(word, PortugueseStemmer.Stem(word));
    }
}
