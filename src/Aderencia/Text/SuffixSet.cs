namespace Aderencia.Text;

/// <summary>
/// A trie of reversed suffixes that finds the longest suffix of a word (Snowball's "among") by walking the word
/// backwards once. Each suffix carries a non-zero action code.
/// </summary>
internal sealed class SuffixSet
{
    private readonly char[] _label;
    private readonly int[] _firstChild;
    private readonly int[] _sibling;
    private readonly byte[] _action;

    public SuffixSet(params (string Suffixes, byte Action)[] groups)
    {
        var label = new List<char> { '\0' };
        var firstChild = new List<int> { -1 };
        var sibling = new List<int> { -1 };
        var actions = new List<byte> { 0 };
        foreach ((string suffixes, byte action) in groups)
        {
            if (action == 0) throw new ArgumentException("Suffix actions must be non-zero.", nameof(groups));
            foreach (string suffix in suffixes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int node = 0;
                for (int i = suffix.Length - 1; i >= 0; i--)
                {
                    int child = firstChild[node];
                    while (child >= 0 && label[child] != suffix[i]) child = sibling[child];
                    if (child < 0)
                    {
                        child = label.Count;
                        label.Add(suffix[i]);
                        firstChild.Add(-1);
                        sibling.Add(firstChild[node]);
                        actions.Add(0);
                        firstChild[node] = child;
                    }
                    node = child;
                }
                actions[node] = action;
            }
        }
        _label = [.. label];
        _firstChild = [.. firstChild];
        _sibling = [.. sibling];
        _action = [.. actions];
    }

    /// <summary>
    /// Longest suffix of <paramref name="word"/> that starts at or after <paramref name="minStart"/>; returns its
    /// length (0 when none) and its action.
    /// </summary>
    public int Longest(ReadOnlySpan<char> word, int minStart, out byte action)
    {
        action = 0;
        int best = 0, node = 0;
        for (int i = word.Length - 1; i >= minStart; i--)
        {
            char c = word[i];
            int child = _firstChild[node];
            while (child >= 0 && _label[child] != c) child = _sibling[child];
            if (child < 0) break;
            node = child;
            if (_action[node] != 0)
            {
                best = word.Length - i;
                action = _action[node];
            }
        }
        return best;
    }
}
