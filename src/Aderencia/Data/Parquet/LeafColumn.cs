namespace Aderencia.Data.Parquet;

/// <summary>A top-level column mapped to one Parquet leaf, with the levels needed to rebuild its rows.</summary>
internal sealed class LeafColumn
{
    public required ColumnSchema Schema { get; init; }

    /// <summary>Position of the leaf among all leaves, which is its column chunk's index in every row group.</summary>
    public required int ChunkIndex { get; init; }

    public required string[] Path { get; init; }
    public required ValueConverter Converter { get; init; }
    public required int MaxDefinition { get; init; }
    public required int MaxRepetition { get; init; }

    /// <summary>For lists: definition level at which the list exists (lower means a null list).</summary>
    public int ListDefinition { get; init; }

    /// <summary>For lists: definition level at which an element slot exists (lower means an empty list).</summary>
    public int ElementDefinition { get; init; }

    public bool IsList => Schema.Kind == DataKind.List;
    public string Name => Schema.Name;
}
