namespace Aderencia.Domain;

/// <summary>A (thesis, theme) pair to be graded.</summary>
public sealed record Pair(Production Production, Theme Theme);

/// <summary>A pair with the judge's level (null when the file has none) and its rationale.</summary>
public sealed record LabeledPair(Production Production, Theme Theme, AdherenceLevel? Level, string Explanation = "")
{
    public Pair Pair => new(Production, Theme);
}
