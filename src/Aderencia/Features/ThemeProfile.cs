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
        KeywordTerms = SortedTerms.Distinct(keywords.SelectMany(k => k.Terms).ToArray());
        NameTerms = SortedTerms.Distinct(name.Terms);
        QueryTerms = SortedTerms.Distinct(DocumentTerms().ToArray());
    }

    public Theme Theme { get; }
    public AnalyzedText Name { get; }
    public AnalyzedText[] Keywords { get; }

    /// <summary>Distinct terms of all keywords, ascending.</summary>
    public uint[] KeywordTerms { get; }

    /// <summary>Distinct terms of the name, ascending.</summary>
    public uint[] NameTerms { get; }

    /// <summary>Distinct content terms of name and keywords, ascending: the BM25 query.</summary>
    public uint[] QueryTerms { get; }

    public TermVector NameVector { get; private set; } = TermVector.Empty;
    public TermVector KeywordVector { get; private set; } = TermVector.Empty;
    public TermVector AllVector { get; private set; } = TermVector.Empty;

    public static ThemeProfile Analyze(Theme theme, TermAnalyzer analyzer) =>
        new(theme, analyzer.Analyze(theme.Name), theme.Keywords.Select(analyzer.Analyze).ToArray());

    public IEnumerable<uint> DocumentTerms() => Name.Terms.Concat(Keywords.SelectMany(k => k.Terms));

    public void Vectorize(IdfTable idf)
    {
        NameVector = TermVector.From(Name.Terms, idf);
        KeywordVector = TermVector.From(Keywords.SelectMany(k => k.Terms), idf);
        AllVector = TermVector.From(DocumentTerms(), idf);
    }
}
