namespace Aderencia.Features;

/// <summary>One pair's feature row (sorted column indices and values) with the analysed thesis, theme and keyword evidence it came from.</summary>
public sealed record PairExplanation(int[] Indices, float[] Values, KeywordEvidence Evidence, ThesisProfile Thesis, ThemeProfile Theme);
