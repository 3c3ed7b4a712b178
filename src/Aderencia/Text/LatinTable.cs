using System.Collections.Frozen;
using System.Globalization;

namespace Aderencia.Text;

/// <summary>
/// Per-char mappings for U+0000..U+024F (ASCII, Latin-1, Latin Extended-A/B) and U+1E00..U+1EFF (Latin
/// Extended Additional): lower case, accent-folded lower case (at most two chars) and base+mark composition.
/// </summary>
internal static class LatinTable
{
    public const int Size = 0x250;
    private const int ExtendedStart = 0x1E00;
    private const int ExtendedEnd = 0x1F00;

    /// <summary>Lower-case of each char (1:1).</summary>
    public static readonly char[] Lower = new char[Size];

    /// <summary>First char of the folded lower-case form.</summary>
    public static readonly char[] Fold1 = new char[Size];

    /// <summary>Second char of the folded form, or '\0' when it has one char.</summary>
    public static readonly char[] Fold2 = new char[Size];

    /// <summary>(base &lt;&lt; 16 | combining mark) to the precomposed char, for Latin letters.</summary>
    public static readonly FrozenDictionary<int, char> Compose = BuildCompose();

    static LatinTable()
    {
        for (int i = 0; i < Size; i++)
        {
            char lower = char.ToLowerInvariant((char)i);
            Lower[i] = lower;
            Fold1[i] = lower;
            if (i >= 0xA0)
            {
                Fold1[i] = FoldData.Fold00A0[(i - 0xA0) * 2];
                Fold2[i] = FoldData.Fold00A0[(i - 0xA0) * 2 + 1];
            }
        }
    }

    /// <summary>Folded form of a char of Latin Extended Additional (U+1E00..U+1EFF); false for other chars.</summary>
    public static bool TryFoldExtended(char c, out char fold1, out char fold2)
    {
        if (c is < (char)ExtendedStart or >= (char)ExtendedEnd)
        {
            fold1 = fold2 = '\0';
            return false;
        }
        int at = (c - ExtendedStart) * 2;
        fold1 = FoldData.Fold1E00[at];
        fold2 = FoldData.Fold1E00[at + 1];
        return true;
    }

    public static bool IsCombining(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.SpacingCombiningMark;

    private static FrozenDictionary<int, char> BuildCompose()
    {
        var map = new Dictionary<int, char>();
        string triples = FoldData.Compose;
        for (int i = 0; i + 2 < triples.Length; i += 3)
            map[triples[i] << 16 | triples[i + 1]] = triples[i + 2];
        return map.ToFrozenDictionary();
    }
}
