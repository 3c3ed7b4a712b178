using Aderencia.Text;

namespace Aderencia.Tests.Text;

public class TokenizerTests
{
    private static string[] Tokens(string text, CompoundMode mode = CompoundMode.Whole)
    {
        var result = new List<string>();
        foreach (Token t in Tokenizer.Tokenize(text, mode))
            result.Add(t.Of(text).ToString());
        return [.. result];
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("  ... ;; !! ", new string[0])]
    [InlineData("REDES NEURAIS, ARTIFICIAIS.", new[] { "REDES", "NEURAIS", "ARTIFICIAIS" })]
    [InlineData("DADOS DE 2.146 ÁRVORES; 10,8% E 14,6%.", new[] { "DADOS", "DE", "2.146", "ÁRVORES", "10,8", "E", "14,6" })]
    [InlineData("Indústria 4.0 e 5G", new[] { "Indústria", "4.0", "e", "5G" })]
    [InlineData("H2 verde, REDD+ e C++ ou C#.", new[] { "H2", "verde", "REDD+", "e", "C++", "ou", "C#" })]
    [InlineData("a+b 1+1", new[] { "a", "b", "1", "1" })]
    [InlineData("castanha-do-brasil", new[] { "castanha-do-brasil" })]
    [InlineData("COVID-19 (SARS-CoV-2)", new[] { "COVID-19", "SARS-CoV-2" })]
    [InlineData("pré- e pós-graduação", new[] { "pré", "e", "pós-graduação" })]
    [InlineData("-inicio fim-", new[] { "inicio", "fim" })]
    [InlineData("d'água / ano_2020", new[] { "d", "água", "ano", "2020" })]
    [InlineData("fim.Início 2020.Os", new[] { "fim", "Início", "2020", "Os" })]
    [InlineData("1.000.000 e 3,", new[] { "1.000.000", "e", "3" })]
    [InlineData("A\u0303O", new[] { "A\u0303O" })]
    [InlineData("CONCLUI-SE", new[] { "CONCLUI-SE" })]
    public void SplitsOnTheDocumentedRules(string text, string[] expected) =>
        Assert.Equal(expected, Tokens(text));

    [Fact]
    public void CompoundPartsOnly() =>
        Assert.Equal(["castanha", "do", "brasil", "e", "covid", "19"], Tokens("castanha-do-brasil e covid-19", CompoundMode.Parts));

    [Fact]
    public void CompoundWholeAndParts()
    {
        const string text = "castanha-do-brasil e REDD+";
        var tokens = new List<Token>();
        foreach (Token t in Tokenizer.Tokenize(text, CompoundMode.WholeAndParts)) tokens.Add(t);
        Assert.Equal(["castanha-do-brasil", "castanha", "do", "brasil", "e", "REDD+"], tokens.Select(t => text[t.Start..t.End]));
        Assert.Equal(TokenFlags.Letter | TokenFlags.Compound, tokens[0].Flags);
        Assert.All(tokens.Skip(1).Take(3), t => Assert.True((t.Flags & TokenFlags.Part) != 0));
        Assert.Equal(TokenFlags.Letter, tokens[4].Flags);
    }

    [Fact]
    public void ReportsOffsetsAndKinds()
    {
        const string text = "FORAM 2.146 E h2";
        var tokens = new List<Token>();
        foreach (Token t in Tokenizer.Tokenize(text)) tokens.Add(t);
        Assert.Equal([new Token(0, 5, TokenFlags.Letter), new Token(6, 5, TokenFlags.Digit), new Token(12, 1, TokenFlags.Letter),
            new Token(14, 2, TokenFlags.Letter | TokenFlags.Digit)], tokens);
        Assert.True(tokens[1].IsNumber);
        Assert.False(tokens[3].IsNumber);
    }
}
