namespace Aderencia.Domain;

/// <summary>A strategic research theme defined by a state.</summary>
public sealed record Theme
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Full upper-case name of the state that defined it.</summary>
    public required string Uf { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public string MacroTheme { get; init; } = "";
}
