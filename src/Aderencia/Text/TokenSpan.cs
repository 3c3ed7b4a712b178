namespace Aderencia.Text;

/// <summary>
/// A token for explanations: where it is in the original text, its surface form there, and the term that
/// was hashed (folded stem), so a stem can be traced back to the words a reader sees.
/// </summary>
/// <param name="Start">Offset of the token in the original text.</param>
/// <param name="Length">Length in the original text.</param>
/// <param name="Surface">The original chars ("FLORESTAL").</param>
/// <param name="Term">The hashed term ("florest"); empty for stopwords and skipped tokens.</param>
/// <param name="Flags">Token kind.</param>
/// <param name="IsStopword">Dropped as a stopword.</param>
public sealed record TokenSpan(int Start, int Length, string Surface, string Term, TokenFlags Flags, bool IsStopword);
