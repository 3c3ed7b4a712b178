namespace Aderencia.Features;

/// <summary>
/// A field's content terms in order (stopwords dropped, stemmed, accent-folded, hashed), each with where its
/// word sits in the original text, so evidence can be quoted as the reader wrote it.
/// </summary>
public sealed class AnalyzedText
{
    public static readonly AnalyzedText Empty = new("", [], [], []);

    public AnalyzedText(string text, uint[] terms, int[] starts, int[] lengths)
    {
        Text = text;
        Terms = terms;
        Starts = starts;
        Lengths = lengths;
    }

    /// <summary>Terms whose words are not kept (fields that are compared, never quoted): <see cref="SurfaceSpan"/> is unavailable.</summary>
    public static AnalyzedText WithoutPositions(uint[] terms) => new("", terms, [], []);

    public bool HasPositions => Starts.Length == Terms.Length;

    public string Text { get; }
    public uint[] Terms { get; }
    public int[] Starts { get; }
    public int[] Lengths { get; }
    public int Count => Terms.Length;

    public ReadOnlySpan<char> SurfaceSpan(int i) => HasPositions ? Text.AsSpan(Starts[i], Lengths[i])
        : throw new InvalidOperationException("this field was analysed without word positions; it cannot be quoted");

    /// <summary>Positions where <paramref name="phrase"/> occurs as a contiguous run of terms.</summary>
    public int CountPhrase(ReadOnlySpan<uint> phrase, out int first)
    {
        first = -1;
        if (phrase.IsEmpty || phrase.Length > Terms.Length) return 0;
        int n = 0;
        var terms = Terms.AsSpan();
        for (int at = 0; ;)
        {
            int hit = terms[at..].IndexOf(phrase);
            if (hit < 0) return n;
            if (n++ == 0) first = at + hit;
            at += hit + 1;
        }
    }
}
