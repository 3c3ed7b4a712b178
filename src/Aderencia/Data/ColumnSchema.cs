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

    public override string ToString() => Kind switch
    {
        DataKind.List => $"{Name}: list<{Element?.Kind.ToString().ToLowerInvariant()}>",
        DataKind.Decimal => $"{Name}: decimal({Precision},{Scale})",
        DataKind.Timestamp => $"{Name}: timestamp[{Unit.ToString().ToLowerInvariant()}]",
        _ => $"{Name}: {Kind.ToString().ToLowerInvariant()}",
    } + (Nullable ? "" : " not null");
}
