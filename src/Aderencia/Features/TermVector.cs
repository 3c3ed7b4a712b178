namespace Aderencia.Features;

/// <summary>An L2-normalised sparse tf-idf vector over term hashes, sorted by term for merge-joins.</summary>
public sealed class TermVector
{
    public static readonly TermVector Empty = new([], []);

    public TermVector(uint[] terms, float[] weights)
    {
        Terms = terms;
        Weights = weights;
    }

    public uint[] Terms { get; }
    public float[] Weights { get; }
    public bool IsEmpty => Terms.Length == 0;

    /// <summary>Sublinear tf (1 + ln tf) × idf, normalised to unit length.</summary>
    public static TermVector From(IEnumerable<uint> terms, IdfTable idf)
    {
        var (keys, counts) = SortedTerms.Count(terms.ToArray());
        return From(keys, counts, idf);
    }

    /// <summary>The same from terms already counted: <paramref name="sorted"/> ascending and distinct, <paramref name="counts"/> aligned.</summary>
    public static TermVector From(uint[] sorted, ReadOnlySpan<int> counts, IdfTable idf)
    {
        if (sorted.Length == 0) return Empty;
        var w = new float[sorted.Length];
        double norm = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double v = (1 + Math.Log(counts[i])) * idf[sorted[i]];
            w[i] = (float)v;
            norm += v * v;
        }
        float inv = (float)(1 / Math.Sqrt(norm));
        for (int i = 0; i < w.Length; i++) w[i] *= inv;
        return new TermVector(sorted, w);
    }

    public float Cosine(TermVector other)
    {
        var (small, large) = Terms.Length <= other.Terms.Length ? (this, other) : (other, this);
        if (small.Terms.Length * 8 < large.Terms.Length) return SearchDot(small, large);
        var a = Terms;
        var b = other.Terms;
        int i = 0, j = 0;
        float dot = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) dot += Weights[i++] * other.Weights[j++];
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return dot;
    }

    /// <summary>The dot product by binary searches of the short vector's terms in the long one (a theme against a thesis).</summary>
    private static float SearchDot(TermVector small, TermVector large)
    {
        float dot = 0;
        var terms = large.Terms.AsSpan();
        int from = 0;
        for (int i = 0; i < small.Terms.Length && from < terms.Length; i++)
        {
            int at = terms[from..].BinarySearch(small.Terms[i]);
            if (at >= 0)
            {
                dot += small.Weights[i] * large.Weights[from + at];
                from += at + 1;
            }
            else from += ~at;
        }
        return dot;
    }
}
