namespace Aderencia.Text;

/// <summary>Configuration of a <see cref="TextPipeline"/>.</summary>
public sealed record TextPipelineOptions
{
    /// <summary>Longest token (in chars) that is kept; longer ones (URLs, garbage) are skipped.</summary>
    public const int MaxTokenLength = 64;

    /// <summary>Stem words with <see cref="PortugueseStemmer"/> (tokens with digits and whole compounds are not stemmed).</summary>
    public bool Stem { get; init; } = true;

    public StopwordLists Stopwords { get; init; } = StopwordLists.PortugueseAndEnglish;

    /// <summary>Smallest word n-gram emitted (1 = unigrams).</summary>
    public int MinWordNGram { get; init; } = 1;

    /// <summary>Largest word n-gram emitted (at most 8).</summary>
    public int MaxWordNGram { get; init; } = 2;

    /// <summary>Smallest character n-gram; 0 turns character n-grams off.</summary>
    public int MinCharNGram { get; init; }

    /// <summary>Largest character n-gram (when on).</summary>
    public int MaxCharNGram { get; init; }

    /// <summary>Feature ids are hashes masked to this many bits (1..31) by the id-producing overloads.</summary>
    public int HashBits { get; init; } = 20;

    /// <summary>Seed of every token hash; change it to get an independent hashing.</summary>
    public uint Seed { get; init; }

    public CompoundMode Compounds { get; init; } = CompoundMode.WholeAndParts;

    /// <summary>Skip tokens made only of digits and separators ("2.146", "2020").</summary>
    public bool DropNumbers { get; init; }

    /// <summary>Skip tokens shorter than this many chars.</summary>
    public int MinTokenLength { get; init; } = 1;

    /// <summary>Throws naming the first invalid setting.</summary>
    public void Validate()
    {
        if (MinWordNGram < 1 || MaxWordNGram < MinWordNGram || MaxWordNGram > 8)
            throw new ArgumentOutOfRangeException(nameof(MaxWordNGram), $"Word n-gram range {MinWordNGram}..{MaxWordNGram} is invalid; need 1 <= min <= max <= 8.");
        if (MinCharNGram != 0 && (MinCharNGram < 1 || MaxCharNGram < MinCharNGram || MaxCharNGram > MaxTokenLength + 2))
            throw new ArgumentOutOfRangeException(nameof(MaxCharNGram), $"Character n-gram range {MinCharNGram}..{MaxCharNGram} is invalid; need 1 <= min <= max <= {MaxTokenLength + 2}, or min 0 for off.");
        if (HashBits is < 1 or > 31)
            throw new ArgumentOutOfRangeException(nameof(HashBits), $"HashBits {HashBits} is invalid; need 1..31.");
        if (MinTokenLength < 1)
            throw new ArgumentOutOfRangeException(nameof(MinTokenLength), $"MinTokenLength {MinTokenLength} is invalid; need >= 1.");
    }
}
