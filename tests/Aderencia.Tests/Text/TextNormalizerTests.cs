using Aderencia.Text;

namespace Aderencia.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("INOVAÇÃO", "inovacao")]
    [InlineData("Indústria 4.0", "industria 4.0")]
    [InlineData("CIÊNCIA FLORESTAL", "ciencia florestal")]
    [InlineData("àáâãäå èéêë ìíîï òóôõö ùúûü ç ñ ý", "aaaaaa eeee iiii ooooo uuuu c n y")]
    [InlineData("Straße Æther Œuvre Øre", "strasse aether oeuvre ore")]
    [InlineData("1ª 2º", "1a 2o")]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("a\u0303o", "ao")]
    [InlineData("REDD+ H2 verde", "redd+ h2 verde")]
    [InlineData("", "")]
    public void LowercasesAndFoldsAccents(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("AÇÃO", "ação")]
    [InlineData("a\u0303o", "ão")]
    [InlineData("A\u0301GUA", "água")]
    [InlineData("ΣΟΦΙΑ", "σοφια")]
    public void LowercaseOnlyKeepsAccentsAndComposesMarks(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input, NormalizeOptions.Lowercase));

    [Fact]
    public void FoldOnlyKeepsCase() =>
        Assert.Equal("ACAO Agua", TextNormalizer.Normalize("AÇÃO Água", NormalizeOptions.FoldAccents));

    [Fact]
    public void SpanOverloadWritesIntoCallerBuffer()
    {
        Span<char> buffer = stackalloc char[TextNormalizer.MaxOutputLength(5)];
        int n = TextNormalizer.Normalize("MAÇÃS", buffer);
        Assert.Equal("macas", buffer[..n].ToString());
    }

    [Fact]
    public void TooShortDestinationThrowsNamingTheFix()
    {
        var ex = Assert.Throws<ArgumentException>(() => TextNormalizer.Normalize("ÆÆ", new char[2]));
        Assert.Contains("MaxOutputLength", ex.Message);
    }

    [Theory]
    [InlineData("NÃO SE APLICA", true)]
    [InlineData("NAO SE APLICA", true)]
    [InlineData("  não se aplica ", true)]
    [InlineData("NÃO INFORMADO", true)]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("N/A", true)]
    [InlineData("NÃO SE APLICA A ESTE CASO", false)]
    [InlineData("CIÊNCIA FLORESTAL", false)]
    [InlineData("NA", false)]
    public void DetectsPlaceholders(string text, bool expected) =>
        Assert.Equal(expected, TextNormalizer.IsPlaceholder(text));
}
