namespace Aderencia.Features;

/// <summary>Where each of a theme's keywords (and its name) occurs in a thesis, as whole phrases of stemmed terms.</summary>
public sealed class KeywordEvidence
{
    /// <summary>Fields searched for keyword phrases (Portuguese text).</summary>
    public static readonly ThesisField[] SearchedFields =
        [ThesisField.Title, ThesisField.Keywords, ThesisField.Abstract, ThesisField.Context, ThesisField.English];

    private const int Fields = ThesisFields.Count;
    private readonly int[] _counts;
    private readonly int[] _firstAt;
    private readonly float[] _partial;

    private KeywordEvidence(int keywords)
    {
        _counts = new int[keywords * Fields];
        _firstAt = new int[keywords * Fields];
        _partial = new float[keywords];
    }

    public int KeywordCount => _partial.Length;

    /// <summary>Occurrences of keyword <paramref name="k"/> in field <paramref name="f"/>.</summary>
    public int Count(int k, ThesisField f) => _counts[k * Fields + (int)f];

    /// <summary>Term position of the first occurrence of keyword <paramref name="k"/> in field <paramref name="f"/>, or -1.</summary>
    public int FirstAt(int k, ThesisField f) => _firstAt[k * Fields + (int)f];

    /// <summary>Share of keyword <paramref name="k"/>'s terms found anywhere in the thesis.</summary>
    public float Partial(int k) => _partial[k];

    public bool Found(int k)
    {
        foreach (int c in _counts.AsSpan(k * Fields, Fields)) if (c > 0) return true;
        return false;
    }

    public int FoundIn(ThesisField f)
    {
        int n = 0;
        for (int k = 0; k < KeywordCount; k++) if (_counts[k * Fields + (int)f] > 0) n++;
        return n;
    }

    public static KeywordEvidence Compute(ThesisProfile thesis, ThemeProfile theme)
    {
        var e = new KeywordEvidence(theme.Keywords.Length);
        for (int k = 0; k < theme.Keywords.Length; k++)
        {
            var phrase = theme.Keywords[k].Terms;
            int present = 0;
            foreach (var t in phrase) if (thesis.Contains(t)) present++;
            if (phrase.Length > 0) e._partial[k] = (float)present / phrase.Length;
            foreach (var f in SearchedFields)
            {
                int at = k * Fields + (int)f;
                // A phrase whose terms are not all in the thesis cannot occur in any field.
                if (present < phrase.Length || phrase.Length == 0)
                {
                    e._firstAt[at] = -1;
                    continue;
                }
                e._counts[at] = thesis[f].CountPhrase(phrase, out e._firstAt[at]);
            }
        }
        return e;
    }
}
