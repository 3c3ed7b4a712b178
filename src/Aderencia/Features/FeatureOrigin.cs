namespace Aderencia.Features;

public enum FeatureKind : byte
{
    /// <summary>A dense similarity or evidence feature (Index = dense feature).</summary>
    Dense,
    /// <summary>A quantile bin of a dense feature (Index = dense feature).</summary>
    Bin,
    /// <summary>The theme's own prior.</summary>
    ThemePrior,
    /// <summary>theme × a thesis term (Field, Index = term position in the field).</summary>
    ThemeTerm,
    /// <summary>theme × knowledge area or program (Text).</summary>
    ThemeContext,
    /// <summary>theme × one of its keywords found in the thesis (Index = keyword).</summary>
    Keyword,
}

/// <summary>Where one column of a pair's feature row came from, for justifications.</summary>
public readonly record struct FeatureOrigin(int Column, FeatureKind Kind, int Index, ThesisField Field = ThesisField.Title, string? Text = null);
