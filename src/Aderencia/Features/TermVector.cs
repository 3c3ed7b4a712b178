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
        var tf = new Dictionary<uint, int>();
        foreach (var t in terms) tf[t] = tf.GetValueOrDefault(t) + 1;
        if (tf.Count == 0) return Empty;
        var keys = tf.Keys.ToArray();
        Array.Sort(keys);
        var w = new float[keys.Length];
        double norm = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            double v = (1 + Math.Log(tf[keys[i]])) * idf[keys[i]];
            w[i] = (float)v;
            norm += v * v;
        }
        float inv = (float)(1 / Math.Sqrt(norm));
        for (int i = 0; i < w.Length; i++) w[i] *= inv;
        return new TermVector(keys, w);
    }

    public float Cosine(TermVector other)
    {
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

    /// <summary>Share of this vector's distinct terms present in <paramref name="set"/>.</summary>
    public float CoveredBy(HashSet<uint> set)
    {
        if (Terms.Length == 0) return 0;
        int n = 0;
        foreach (var t in Terms) if (set.Contains(t)) n++;
        return (float)n / Terms.Length;
    }
}
