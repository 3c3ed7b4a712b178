namespace Aderencia.Text;

/// <summary>What <see cref="TextNormalizer.Normalize(ReadOnlySpan{char}, Span{char}, NormalizeOptions)"/> does besides NFC composition.</summary>
[Flags]
public enum NormalizeOptions
{
    /// <summary>Only compose decomposed Latin letters (e.g. "a" + U+0303 → "ã").</summary>
    None = 0,

    /// <summary>Lower-case (invariant culture).</summary>
    Lowercase = 1,

    /// <summary>Remove accents and expand ligatures (á→a, ç→c, ß→ss, æ→ae, ª→a).</summary>
    FoldAccents = 2,

    /// <summary>Lower-case and fold accents: the form used for stopwords and hashed features.</summary>
    Default = Lowercase | FoldAccents,
}
