namespace Aderencia.Domain;

/// <summary>A thesis or dissertation, with text already cleaned of catalogue placeholders ("NÃO SE APLICA" → "").</summary>
public sealed record Production
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>Full upper-case state name, as in the challenge (e.g. "SÃO PAULO").</summary>
    public required string Uf { get; init; }
    public string Abstract { get; init; } = "";
    public string AbstractEn { get; init; } = "";
    /// <summary>Portuguese keywords, split on ';'.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public IReadOnlyList<string> KeywordsEn { get; init; } = [];
    public string Program { get; init; } = "";
    public string Institution { get; init; } = "";
    public string ConcentrationArea { get; init; } = "";
    public string ResearchLine { get; init; } = "";
    public string Project { get; init; } = "";
    public string Subtype { get; init; } = "";
    public string Degree { get; init; } = "";
    public string GreatArea { get; init; } = "";
    public string KnowledgeArea { get; init; } = "";
    public string Subarea { get; init; } = "";
    public string Specialty { get; init; } = "";
    public DateOnly? DefenseDate { get; init; }
}
