namespace Aderencia.Pipeline;

internal enum CompareConfigKind { Object, Array, String, Number, Bool, Null }

/// <summary>One member of an object: its key, the 1-based line the key is on, its value.</summary>
internal readonly record struct CompareConfigMember(string Key, int Line, CompareConfigNode Value);

/// <summary>
/// A value of a compare config file, read from JSON or YAML, with the 1-based line it starts on so that every error
/// can point at it. Scalars keep their text: a string's value, a number as written ("0.50"), "true" / "false".
/// </summary>
internal sealed class CompareConfigNode
{
    private CompareConfigNode(CompareConfigKind kind, int line, string text, IReadOnlyList<CompareConfigMember> members, IReadOnlyList<CompareConfigNode> items)
    {
        Kind = kind;
        Line = line;
        Text = text;
        Members = members;
        Items = items;
    }

    public CompareConfigKind Kind { get; }
    public int Line { get; }
    public string Text { get; }
    public IReadOnlyList<CompareConfigMember> Members { get; }
    public IReadOnlyList<CompareConfigNode> Items { get; }

    public static CompareConfigNode Scalar(CompareConfigKind kind, int line, string text) => new(kind, line, text, [], []);
    public static CompareConfigNode Object(int line, IReadOnlyList<CompareConfigMember> members) => new(CompareConfigKind.Object, line, "", members, []);
    public static CompareConfigNode Array(int line, IReadOnlyList<CompareConfigNode> items) => new(CompareConfigKind.Array, line, "", [], items);
}
