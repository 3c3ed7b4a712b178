using Aderencia.Domain;

namespace Aderencia.Features;

/// <summary>A thesis analysed once and reused by all its pairs: terms per field, their sorted sets and tf-idf vectors.</summary>
public sealed class ThesisProfile
{
    private readonly int[][] _fieldCounts;
    private readonly int[] _allCounts;

    private ThesisProfile(Production production, AnalyzedText[] fields)
    {
        Production = production;
        Fields = fields;
        FieldTerms = new uint[fields.Length][];
        _fieldCounts = new int[fields.Length][];
        int total = 0;
        for (int f = 0; f < fields.Length; f++)
        {
            (FieldTerms[f], _fieldCounts[f]) = SortedTerms.Count(fields[f].Terms);
            total += fields[f].Count;
        }
        TotalTerms = total;
        (AllTerms, _allCounts) = SortedTerms.Union(FieldTerms, _fieldCounts);
    }

    public Production Production { get; }
    public AnalyzedText[] Fields { get; }

    /// <summary>Distinct terms of each field, ascending.</summary>
    public uint[][] FieldTerms { get; }

    /// <summary>Distinct terms over all fields, ascending.</summary>
    public uint[] AllTerms { get; }

    public TermVector[] Vectors { get; private set; } = [];
    public TermVector AllVector { get; private set; } = TermVector.Empty;
    public int TotalTerms { get; }

    public AnalyzedText this[ThesisField f] => Fields[(int)f];

    private int[]?[]? _firstPositions;

    /// <summary>
    /// Where each of field <paramref name="f"/>'s distinct terms (aligned with <see cref="FieldTerms"/>) first occurs in
    /// the field's text; computed on first use (explanations only), safe to race: every thread computes the same array.
    /// </summary>
    public int[] FirstPositions(ThesisField f)
    {
        var all = _firstPositions ??= new int[]?[Fields.Length];
        if (all[(int)f] is { } known) return known;
        var terms = FieldTerms[(int)f];
        var first = new int[terms.Length];
        first.AsSpan().Fill(-1);
        var text = Fields[(int)f].Terms;
        for (int i = 0; i < text.Length; i++)
        {
            int at = Array.BinarySearch(terms, text[i]);
            if (first[at] < 0) first[at] = i;
        }
        return all[(int)f] = first;
    }

    public bool Contains(uint term) => SortedTerms.Contains(AllTerms, term);

    /// <summary>Occurrences of <paramref name="term"/> over all fields.</summary>
    public int CountOf(uint term)
    {
        int i = Array.BinarySearch(AllTerms, term);
        return i >= 0 ? _allCounts[i] : 0;
    }

    public static ThesisProfile Analyze(Production p, TermAnalyzer analyzer)
    {
        var fields = new AnalyzedText[ThesisFields.Count];
        fields[(int)ThesisField.Title] = analyzer.Analyze(p.Title);
        fields[(int)ThesisField.Keywords] = analyzer.Analyze(string.Join(" ; ", p.Keywords));
        fields[(int)ThesisField.Abstract] = analyzer.Analyze(p.Abstract);
        // English and context terms are compared with the theme but never quoted: no positions, no joined copies.
        fields[(int)ThesisField.English] = analyzer.AnalyzeTermsOnly([p.AbstractEn, .. p.KeywordsEn]);
        fields[(int)ThesisField.Context] = analyzer.AnalyzeTermsOnly(p.Program, p.ConcentrationArea, p.ResearchLine, p.Project, p.KnowledgeArea, p.Subarea, p.Specialty);
        return new ThesisProfile(p, fields);
    }

    /// <summary>The distinct terms that make this thesis one document for document frequencies.</summary>
    public IEnumerable<uint> DocumentTerms() => AllTerms;

    public void Vectorize(IdfTable idf)
    {
        var vectors = new TermVector[Fields.Length];
        for (int f = 0; f < vectors.Length; f++) vectors[f] = TermVector.From(FieldTerms[f], _fieldCounts[f], idf);
        Vectors = vectors;
        AllVector = TermVector.From(AllTerms, _allCounts, idf);
    }
}
