namespace Aderencia.Features;

/// <summary>Settings of the pair featurizer; saved in the model file so prediction reads text exactly as training did.</summary>
public sealed record FeaturizerOptions
{
    /// <summary>Buckets for hashed features are 2^HashBits.</summary>
    public int HashBits { get; init; } = 20;

    /// <summary>Quantile bins per dense feature (one-hot), so a linear model can bend; 0 turns them off.</summary>
    public int Bins { get; init; } = 6;

    /// <summary>theme × term features from title and keywords (each theme learns its own vocabulary).</summary>
    public bool ThemeTitleTerms { get; init; } = true;

    /// <summary>theme × term features from the Portuguese abstract.</summary>
    public bool ThemeAbstractTerms { get; init; } = true;

    /// <summary>theme × knowledge area and theme × program features.</summary>
    public bool ThemeContext { get; init; } = true;

    /// <summary>One feature per (theme, keyword found), so each theme weighs its own keywords.</summary>
    public bool KeywordIdentity { get; init; } = true;

    public void Validate()
    {
        if (HashBits is < 10 or > 26) throw new ArgumentOutOfRangeException(nameof(HashBits), HashBits, "hash bits must be 10..26");
        if (Bins is < 0 or > 32) throw new ArgumentOutOfRangeException(nameof(Bins), Bins, "bins must be 0..32");
    }
}
