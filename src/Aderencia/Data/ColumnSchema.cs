namespace Aderencia.Data;

/// <summary>Name and type of one column. Lists carry their element schema in <see cref="Element"/>.</summary>
public sealed record ColumnSchema(string Name, DataKind Kind, bool Nullable = true)
{
    public ColumnSchema? Element { get; init; }
    public int Precision { get; init; }
    public int Scale { get; init; }
    public TimeUnit Unit { get; init; } = TimeUnit.Micros;

    public static ColumnSchema ListOf(string name, DataKind elementKind, bool nullable = true) =>
        new(name, DataKind.List, nullable) { Element = new ColumnSchema("element", elementKind) };

    /// <summary>Lower-case type name as tools print it: int64, string, list&lt;string&gt;, decimal(9,3), timestamp[micros].</summary>
    public string TypeName => Kind switch
    {
        DataKind.List => $"list<{Element?.TypeName}>",
        DataKind.Decimal => $"decimal({Precision},{Scale})",
        DataKind.Timestamp => $"timestamp[{Unit.ToString().ToLowerInvariant()}]",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    public override string ToString() => $"{Name}: {TypeName}" + (Nullable ? "" : " not null");
}
