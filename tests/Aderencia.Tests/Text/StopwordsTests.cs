using Aderencia.Text;

namespace Aderencia.Tests.Text;

public class StopwordsTests
{
    [Theory]
    [InlineData("de", true)]
    [InlineData("nao", true)]
    [InlineData("the", true)]
    [InlineData("which", true)]
    [InlineData("floresta", false)]
    [InlineData("inovacao", false)]
    [InlineData("tese", false)]
    [InlineData("não", false)] // lookups expect folded tokens
    public void DefaultHoldsPortugueseAndEnglish(string token, bool expected) =>
        Assert.Equal(expected, Stopwords.Default.Contains(token.AsSpan()));

    [Fact]
    public void ListsAreSelectable()
    {
        var pt = new Stopwords(StopwordLists.Portuguese);
        var catalogue = new Stopwords(StopwordLists.Catalogue);
        Assert.True(pt.Contains("voce"));
        Assert.False(pt.Contains("the"));
        Assert.True(catalogue.Contains("dissertacao"));
        Assert.True(catalogue.Contains("thesis"));
        Assert.False(catalogue.Contains("de"));
        Assert.Equal(0, new Stopwords(StopwordLists.None).Count);
    }

    [Fact]
    public void EveryListedWordIsFoldedLowerCase()
    {
        var all = new Stopwords(StopwordLists.All);
        foreach (string word in new[] { "Não", "VOCÊ", "está" })
            Assert.True(all.Contains(TextNormalizer.Normalize(word)), word);
    }
}
