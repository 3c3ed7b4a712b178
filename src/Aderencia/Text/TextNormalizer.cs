using System.Buffers;

namespace Aderencia.Text;

/// <summary>
/// Lower-casing, accent folding and composition of text into a caller-provided buffer. Chars up to U+024F go
/// through precomputed tables; other chars take a slower path (invariant lower-casing, the Latin Extended
/// Additional fold table, combining marks dropped when folding).
/// </summary>
public static class TextNormalizer
{
    /// <summary>Destination length that always suffices for a source of <paramref name="sourceLength"/> chars.</summary>
    public static int MaxOutputLength(int sourceLength) => sourceLength * 2;

    /// <summary>Normalizes <paramref name="source"/> into <paramref name="destination"/> and returns the chars written.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than <see cref="MaxOutputLength"/> and too short for the result.</exception>
    public static int Normalize(ReadOnlySpan<char> source, Span<char> destination, NormalizeOptions options = NormalizeOptions.Default)
    {
        bool lower = (options & NormalizeOptions.Lowercase) != 0;
        bool fold = (options & NormalizeOptions.FoldAccents) != 0;
        char[] lowerTable = LatinTable.Lower;
        int w = 0;
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c < 0x80)
            {
                if ((uint)w >= (uint)destination.Length) ThrowTooShort(source.Length, destination.Length);
                destination[w++] = lower ? lowerTable[c] : c;
            }
            else if (c < LatinTable.Size)
            {
                if (fold)
                {
                    bool upper = !lower && lowerTable[c] != c;
                    char f1 = LatinTable.Fold1[c], f2 = LatinTable.Fold2[c];
                    w = Put(destination, w, upper ? char.ToUpperInvariant(f1) : f1, source.Length);
                    if (f2 != '\0') w = Put(destination, w, upper ? char.ToUpperInvariant(f2) : f2, source.Length);
                }
                else
                {
                    w = Put(destination, w, lower ? lowerTable[c] : c, source.Length);
                }
            }
            else if (c is >= '\u0300' and <= '\u036F')
            {
                if (fold) continue;
                if (w > 0 && LatinTable.Compose.TryGetValue(destination[w - 1] << 16 | c, out char composed))
                    destination[w - 1] = composed;
                else
                    w = Put(destination, w, c, source.Length);
            }
            else
            {
                w = SlowPath(c, lower, fold, destination, w, source.Length);
            }
        }
        return w;
    }

    /// <summary>Convenience form that allocates the result; not for hot paths.</summary>
    public static string Normalize(string text, NormalizeOptions options = NormalizeOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, MaxOutputLength(text.Length)));
        try
        {
            int n = Normalize(text, buffer, options);
            return new string(buffer, 0, n);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// True for catalogue placeholders that mean "no value": empty/blank, "NÃO SE APLICA", "NAO SE APLICA",
    /// "NÃO INFORMADO", "N/A", "-" (any case, accents and surrounding blanks ignored).
    /// </summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty) return true;
        if (text.Length > 16) return false;
        Span<char> buffer = stackalloc char[MaxOutputLength(16)];
        ReadOnlySpan<char> folded = buffer[..Normalize(text, buffer)];
        return folded is "nao se aplica" or "nao informado" or "n/a" or "-" or "--";
    }

    private static int Put(Span<char> destination, int w, char c, int sourceLength)
    {
        if ((uint)w >= (uint)destination.Length) ThrowTooShort(sourceLength, destination.Length);
        destination[w] = c;
        return w + 1;
    }

    private static int SlowPath(char c, bool lower, bool fold, Span<char> destination, int w, int sourceLength)
    {
        char l = lower ? char.ToLowerInvariant(c) : c;
        if (!fold) return Put(destination, w, l, sourceLength);
        if (LatinTable.TryFoldExtended(c, out char f1, out char f2))
        {
            bool upper = !lower && char.ToLowerInvariant(c) != c;
            w = Put(destination, w, upper ? char.ToUpperInvariant(f1) : f1, sourceLength);
            return f2 == '\0' ? w : Put(destination, w, upper ? char.ToUpperInvariant(f2) : f2, sourceLength);
        }
        return LatinTable.IsCombining(c) ? w : Put(destination, w, l, sourceLength);
    }

    private static void ThrowTooShort(int sourceLength, int destinationLength) =>
        throw new ArgumentException(
            $"Destination of {destinationLength} chars is too short to normalize {sourceLength} chars; " +
            $"size it with TextNormalizer.MaxOutputLength ({sourceLength * 2}).", "destination");
}
