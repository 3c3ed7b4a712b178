using System.Buffers;

namespace Aderencia.Features;

/// <summary>Set operations on ascending, duplicate-free term arrays: merge-joins and binary searches, no hashing.</summary>
public static class SortedTerms
{
    /// <summary>The distinct terms of <paramref name="terms"/> in ascending order, with how often each occurs.</summary>
    public static (uint[] Terms, int[] Counts) Count(ReadOnlySpan<uint> terms)
    {
        if (terms.IsEmpty) return ([], []);
        var buffer = ArrayPool<uint>.Shared.Rent(terms.Length);
        try
        {
            var sorted = buffer.AsSpan(0, terms.Length);
            terms.CopyTo(sorted);
            sorted.Sort();
            int distinct = 1;
            for (int i = 1; i < sorted.Length; i++) if (sorted[i] != sorted[i - 1]) distinct++;
            var keys = new uint[distinct];
            var counts = new int[distinct];
            int k = 0;
            keys[0] = sorted[0];
            counts[0] = 1;
            for (int i = 1; i < sorted.Length; i++)
            {
                if (sorted[i] != sorted[i - 1]) keys[++k] = sorted[i];
                counts[k]++;
            }
            return (keys, counts);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(buffer);
        }
    }

    /// <summary>The union of two counted term sets, counts added where a term is in both.</summary>
    public static (uint[] Terms, int[] Counts) Merge((uint[] Terms, int[] Counts) a, (uint[] Terms, int[] Counts) b)
    {
        if (a.Terms.Length == 0) return b;
        if (b.Terms.Length == 0) return a;
        var terms = new uint[a.Terms.Length + b.Terms.Length];
        var counts = new int[terms.Length];
        int i = 0, j = 0, n = 0;
        while (i < a.Terms.Length || j < b.Terms.Length)
        {
            if (j == b.Terms.Length || (i < a.Terms.Length && a.Terms[i] < b.Terms[j]))
            {
                terms[n] = a.Terms[i];
                counts[n++] = a.Counts[i++];
            }
            else if (i == a.Terms.Length || b.Terms[j] < a.Terms[i])
            {
                terms[n] = b.Terms[j];
                counts[n++] = b.Counts[j++];
            }
            else
            {
                terms[n] = a.Terms[i];
                counts[n++] = a.Counts[i++] + b.Counts[j++];
            }
        }
        return n == terms.Length ? (terms, counts) : (terms[..n], counts[..n]);
    }

    public static uint[] Distinct(ReadOnlySpan<uint> terms) => Count(terms).Terms;

    public static bool Contains(ReadOnlySpan<uint> sorted, uint term) => sorted.BinarySearch(term) >= 0;

    /// <summary>How many terms the two sorted sets share.</summary>
    public static int Overlap(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length > b.Length) return Overlap(b, a);
        if (a.Length * 8 < b.Length) return SearchOverlap(a, b);
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                n++;
                i++;
                j++;
            }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return n;
    }

    private static int SearchOverlap(ReadOnlySpan<uint> small, ReadOnlySpan<uint> large)
    {
        int n = 0;
        foreach (uint t in small)
        {
            int at = large.BinarySearch(t);
            if (at >= 0)
            {
                n++;
                large = large[(at + 1)..];
            }
            else large = large[~at..];
            if (large.IsEmpty) break;
        }
        return n;
    }

    /// <summary>Share of <paramref name="terms"/> present in <paramref name="present"/>; 0 for an empty set.</summary>
    public static float Coverage(ReadOnlySpan<uint> terms, ReadOnlySpan<uint> present) =>
        terms.IsEmpty ? 0 : (float)Overlap(terms, present) / terms.Length;
}
