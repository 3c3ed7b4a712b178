namespace Aderencia.Text;

/// <summary>What a token is made of.</summary>
[Flags]
public enum TokenFlags : byte
{
    None = 0,

    /// <summary>Contains at least one letter.</summary>
    Letter = 1,

    /// <summary>Contains at least one digit.</summary>
    Digit = 2,

    /// <summary>Hyphenated compound kept whole ("castanha-do-brasil", "covid-19").</summary>
    Compound = 4,

    /// <summary>One part of a compound, emitted in addition to or instead of the whole.</summary>
    Part = 8,
}

/// <summary>A token as a range of the tokenized text.</summary>
public readonly record struct Token(int Start, int Length, TokenFlags Flags)
{
    /// <summary>Offset just past the token.</summary>
    public int End => Start + Length;

    /// <summary>Digits only (with decimal/thousand separators): "2.146", "10,8", "2020".</summary>
    public bool IsNumber => (Flags & (TokenFlags.Letter | TokenFlags.Digit)) == TokenFlags.Digit;

    /// <summary>The token's chars in <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}
