namespace Aderencia.Features;

/// <summary>Where each of a theme's keywords (and its name) occurs in a thesis, as whole phrases of stemmed terms.</summary>
public sealed class KeywordEvidence
{
    /// <summary>Fields searched for keyword phrases (Portuguese text).</summary>
    public static readonly ThesisField[] SearchedFields =
        [ThesisField.Title, ThesisField.Keywords, ThesisField.Abstract, ThesisField.Context, ThesisField.English];

    private KeywordEvidence(int keywords)
    {
        Counts = new int[keywords, ThesisFields.Count];
        FirstAt = new int[keywords, ThesisFields.Count];
        Partial = new float[keywords];
    }

    /// <summary>Occurrences of keyword k in field f.</summary>
    public int[,] Counts { get; }

    /// <summary>Term position of the first occurrence of keyword k in field f, or -1.</summary>
    public int[,] FirstAt { get; }

    /// <summary>Share of keyword k's terms found anywhere in the thesis.</summary>
    public float[] Partial { get; }

    public int KeywordCount => Partial.Length;

    public bool Found(int k)
    {
        for (int f = 0; f < ThesisFields.Count; f++) if (Counts[k, f] > 0) return true;
        return false;
    }

    public int FoundIn(ThesisField f)
    {
        int n = 0;
        for (int k = 0; k < KeywordCount; k++) if (Counts[k, (int)f] > 0) n++;
        return n;
    }

    public static KeywordEvidence Compute(ThesisProfile thesis, ThemeProfile theme)
    {
        var e = new KeywordEvidence(theme.Keywords.Length);
        for (int k = 0; k < theme.Keywords.Length; k++)
        {
            var phrase = theme.Keywords[k].Terms;
            foreach (var f in SearchedFields)
            {
                e.Counts[k, (int)f] = thesis[f].CountPhrase(phrase, out int first);
                e.FirstAt[k, (int)f] = first;
            }
            if (phrase.Length > 0)
            {
                int present = 0;
                foreach (var t in phrase) if (thesis.Contains(t)) present++;
                e.Partial[k] = (float)present / phrase.Length;
            }
        }
        return e;
    }
}
