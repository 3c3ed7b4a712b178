using Aderencia.Features;

namespace Aderencia.Explain;

/// <summary>A theme keyword found in the thesis, the fields it is in, and how much the model leaned on it.</summary>
public sealed record KeywordHit(string Keyword, IReadOnlyList<ThesisField> Fields, float Contribution);

/// <summary>A thesis word as written, the field it came from, and its signed contribution to the predicted level.</summary>
public sealed record TermEvidence(string Surface, ThesisField Field, float Contribution);

/// <summary>What a justification may cite for one pair: every item comes from the pair's text and the model's contributions.</summary>
public sealed record PairEvidence(
    string ThemeName,
    IReadOnlyList<KeywordHit> Keywords,
    IReadOnlyList<string> MissingKeywords,
    IReadOnlyList<TermEvidence> TermsFor,
    IReadOnlyList<TermEvidence> TermsAgainst,
    IReadOnlyList<(string Description, float Contribution)> SignalsFor);
