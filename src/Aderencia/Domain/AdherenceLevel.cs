namespace Aderencia.Domain;

/// <summary>How strongly a thesis adheres to a theme; ordered Baixa &lt; Media &lt; Alta.</summary>
public enum AdherenceLevel : byte
{
    Baixa = 0,
    Media = 1,
    Alta = 2,
}

public static class AdherenceLevels
{
    public const int Count = 3;

    public static readonly AdherenceLevel[] All = [AdherenceLevel.Baixa, AdherenceLevel.Media, AdherenceLevel.Alta];

    /// <summary>The accented label users read: BAIXA, MÉDIA, ALTA.</summary>
    public static string Label(this AdherenceLevel level) => level switch
    {
        AdherenceLevel.Baixa => "BAIXA",
        AdherenceLevel.Media => "MÉDIA",
        AdherenceLevel.Alta => "ALTA",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The challenge file's spelling (no accent): BAIXA, MEDIA, ALTA.</summary>
    public static string ChallengeLabel(this AdherenceLevel level) => level switch
    {
        AdherenceLevel.Media => "MEDIA",
        _ => level.Label(),
    };

    /// <summary>Parses BAIXA / MEDIA / MÉDIA / ALTA in any case, with surrounding blanks.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out AdherenceLevel level)
    {
        text = text.Trim();
        if (text.Equals("BAIXA", StringComparison.OrdinalIgnoreCase)) { level = AdherenceLevel.Baixa; return true; }
        if (text.Equals("ALTA", StringComparison.OrdinalIgnoreCase)) { level = AdherenceLevel.Alta; return true; }
        if (text.Equals("MEDIA", StringComparison.OrdinalIgnoreCase) || text.Equals("MÉDIA", StringComparison.OrdinalIgnoreCase)
            || text.Equals("ME\u0301DIA", StringComparison.OrdinalIgnoreCase))
        { level = AdherenceLevel.Media; return true; }
        level = default;
        return false;
    }

    public static AdherenceLevel Parse(string text) =>
        TryParse(text, out var l) ? l : throw new FormatException($"'{text}' is not an adherence level (BAIXA, MÉDIA or ALTA)");
}
