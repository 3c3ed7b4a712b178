using Aderencia.Domain;

namespace Aderencia.Features;

/// <summary>A theme analysed once: its name, each keyword as a phrase of terms, and tf-idf vectors.</summary>
public sealed class ThemeProfile
{
    private ThemeProfile(Theme theme, AnalyzedText name, AnalyzedText[] keywords)
    {
        Theme = theme;
        Name = name;
        Keywords = keywords;
        KeywordTerms = keywords.SelectMany(k => k.Terms).ToHashSet();
        NameTerms = name.Terms.ToHashSet();
    }

    public Theme Theme { get; }
    public AnalyzedText Name { get; }
    public AnalyzedText[] Keywords { get; }
    public HashSet<uint> KeywordTerms { get; }
    public HashSet<uint> NameTerms { get; }
    public TermVector NameVector { get; private set; } = TermVector.Empty;
    public TermVector KeywordVector { get; private set; } = TermVector.Empty;
    public TermVector AllVector { get; private set; } = TermVector.Empty;

    /// <summary>Distinct content terms of name and keywords: the BM25 query.</summary>
    public uint[] QueryTerms { get; private set; } = [];

    public static ThemeProfile Analyze(Theme theme, TermAnalyzer analyzer) =>
        new(theme, analyzer.Analyze(theme.Name), theme.Keywords.Select(analyzer.Analyze).ToArray());

    public IEnumerable<uint> DocumentTerms() => Name.Terms.Concat(Keywords.SelectMany(k => k.Terms));

    public void Vectorize(IdfTable idf)
    {
        NameVector = TermVector.From(Name.Terms, idf);
        KeywordVector = TermVector.From(Keywords.SelectMany(k => k.Terms), idf);
        AllVector = TermVector.From(DocumentTerms(), idf);
        QueryTerms = DocumentTerms().Distinct().Order().ToArray();
    }
}
