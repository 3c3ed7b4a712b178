namespace Aderencia.Text;

/// <summary>How the tokenizer emits hyphenated compounds such as "castanha-do-brasil".</summary>
public enum CompoundMode : byte
{
    /// <summary>One token for the whole compound.</summary>
    Whole,

    /// <summary>One token per part ("castanha", "do", "brasil").</summary>
    Parts,

    /// <summary>The whole compound, then each part (flagged <see cref="TokenFlags.Part"/>).</summary>
    WholeAndParts,
}
