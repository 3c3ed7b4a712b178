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

    /// <summary>The union of counted term sets, counts added where a term is in several; one pass, one allocation.</summary>
    public static (uint[] Terms, int[] Counts) Union(ReadOnlySpan<uint[]> terms, ReadOnlySpan<int[]> counts)
    {
        int upper = 0;
        foreach (var t in terms) upper += t.Length;
        var outTerms = new uint[upper];
        var outCounts = new int[upper];
        Span<int> head = stackalloc int[terms.Length];
        head.Clear();
        int n = 0;
        while (true)
        {
            uint min = uint.MaxValue;
            bool any = false;
            for (int s = 0; s < terms.Length; s++)
                if (head[s] < terms[s].Length && (!any || terms[s][head[s]] < min))
                {
                    min = terms[s][head[s]];
                    any = true;
                }
            if (!any) break;
            int c = 0;
            for (int s = 0; s < terms.Length; s++)
                if (head[s] < terms[s].Length && terms[s][head[s]] == min) c += counts[s][head[s]++];
            outTerms[n] = min;
            outCounts[n++] = c;
        }
        return n == upper ? (outTerms, outCounts) : (outTerms[..n], outCounts[..n]);
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
