using Aderencia.Domain;

namespace Aderencia.Features;

/// <summary>A thesis analysed once and reused by all its pairs: terms per field and their tf-idf vectors.</summary>
public sealed class ThesisProfile
{
    private ThesisProfile(Production production, AnalyzedText[] fields)
    {
        Production = production;
        Fields = fields;
        FieldSets = fields.Select(f => f.Terms.ToHashSet()).ToArray();
        var counts = new Dictionary<uint, int>();
        foreach (var f in fields)
            foreach (var t in f.Terms) counts[t] = counts.GetValueOrDefault(t) + 1;
        TermCounts = counts;
        AllTerms = counts.Keys.ToHashSet();
    }

    /// <summary>Distinct terms of each field.</summary>
    public HashSet<uint>[] FieldSets { get; }

    /// <summary>Occurrences of each term over all fields.</summary>
    public Dictionary<uint, int> TermCounts { get; }

    public Production Production { get; }
    public AnalyzedText[] Fields { get; }
    public HashSet<uint> AllTerms { get; }
    public TermVector[] Vectors { get; private set; } = [];
    public TermVector AllVector { get; private set; } = TermVector.Empty;
    public int TotalTerms => Fields.Sum(f => f.Count);

    public AnalyzedText this[ThesisField f] => Fields[(int)f];

    public static ThesisProfile Analyze(Production p, TermAnalyzer analyzer)
    {
        var fields = new AnalyzedText[ThesisFields.Count];
        fields[(int)ThesisField.Title] = analyzer.Analyze(p.Title);
        fields[(int)ThesisField.Keywords] = analyzer.Analyze(string.Join(" ; ", p.Keywords));
        fields[(int)ThesisField.Abstract] = analyzer.Analyze(p.Abstract);
        fields[(int)ThesisField.English] = analyzer.Analyze(Join(p.AbstractEn, string.Join(" ; ", p.KeywordsEn)));
        fields[(int)ThesisField.Context] = analyzer.Analyze(Join(p.Program, p.ConcentrationArea, p.ResearchLine, p.Project, p.KnowledgeArea, p.Subarea, p.Specialty));
        return new ThesisProfile(p, fields);
    }

    /// <summary>The terms that count as one document for document frequencies.</summary>
    public IEnumerable<uint> DocumentTerms() => Fields.SelectMany(f => f.Terms);

    public void Vectorize(IdfTable idf)
    {
        Vectors = Fields.Select(f => TermVector.From(f.Terms, idf)).ToArray();
        AllVector = TermVector.From(DocumentTerms(), idf);
    }

    private static string Join(params string[] parts) => string.Join(" . ", parts.Where(s => s.Length > 0));
}
