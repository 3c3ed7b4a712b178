namespace Aderencia.Text;

/// <summary>
/// Suffixes grouped by last char, longest first, to find the longest suffix of a word (Snowball's
/// "among") with a handful of comparisons. Chars above U+00FF never end a suffix.
/// </summary>
internal sealed class SuffixSet
{
    private readonly (string Suffix, byte Action)[][] _byLastChar = new (string, byte)[256][];

    public SuffixSet(params (string Suffixes, byte Action)[] groups)
    {
        var lists = new List<(string, byte)>[256];
        foreach ((string suffixes, byte action) in groups)
        {
            foreach (string suffix in suffixes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                char last = suffix[^1];
                if (last > 0xFF) throw new ArgumentException($"Suffix '{suffix}' ends with a char above U+00FF.", nameof(groups));
                (lists[last] ??= []).Add((suffix, action));
            }
        }
        for (int i = 0; i < 256; i++)
            _byLastChar[i] = lists[i] is { } list ? [.. list.OrderByDescending(e => e.Item1.Length)] : [];
    }

    /// <summary>
    /// Longest suffix of <paramref name="word"/> that starts at or after <paramref name="minStart"/>; returns its
    /// length (0 when none) and its action.
    /// </summary>
    public int Longest(ReadOnlySpan<char> word, int minStart, out byte action)
    {
        action = 0;
        if (word.IsEmpty || word[^1] > 0xFF) return 0;
        foreach ((string suffix, byte a) in _byLastChar[word[^1]])
        {
            if (suffix.Length > word.Length - minStart) continue;
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                action = a;
                return suffix.Length;
            }
        }
        return 0;
    }
}
