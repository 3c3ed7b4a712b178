namespace Aderencia.Data;

/// <summary>A batch of rows stored column by column (one Parquet row group, or a chunk of a text file).</summary>
public sealed class Table
{
    public Table(TableSchema schema, IReadOnlyList<Column> columns)
    {
        if (schema.Count != columns.Count)
            throw new ArgumentException($"schema has {schema.Count} columns but {columns.Count} were given");
        int rows = columns.Count == 0 ? 0 : columns[0].Length;
        foreach (var c in columns)
            if (c.Length != rows)
                throw new ArgumentException($"column '{c.Name}' has {c.Length} values, expected {rows}");
        Schema = schema;
        Columns = columns;
        RowCount = rows;
    }

    public TableSchema Schema { get; }
    public IReadOnlyList<Column> Columns { get; }
    public int RowCount { get; }

    public Column this[string name] =>
        Schema.IndexOf(name) is var i and >= 0 ? Columns[i] : throw new KeyNotFoundException($"no column '{name}'");

    public Column? Find(string name) => Schema.IndexOf(name) is var i and >= 0 ? Columns[i] : null;

    /// <summary>A new table with the given rows, in the given order.</summary>
    public Table Take(ReadOnlySpan<int> rows)
    {
        var cols = new Column[Columns.Count];
        for (int c = 0; c < cols.Length; c++)
        {
            var src = Columns[c].Values;
            var dst = new object?[rows.Length];
            for (int r = 0; r < rows.Length; r++) dst[r] = src[rows[r]];
            cols[c] = new Column(Columns[c].Schema, dst);
        }
        return new Table(Schema, cols);
    }

    /// <summary>Stacks batches of one schema into a single table.</summary>
    public static Table Concat(TableSchema schema, IReadOnlyList<Table> parts)
    {
        if (parts.Count == 1) return parts[0];
        int total = 0;
        foreach (var p in parts) total += p.RowCount;
        var cols = new Column[schema.Count];
        for (int c = 0; c < cols.Length; c++)
        {
            var dst = new object?[total];
            int at = 0;
            foreach (var p in parts)
            {
                Array.Copy(p.Columns[c].Values, 0, dst, at, p.RowCount);
                at += p.RowCount;
            }
            cols[c] = new Column(schema[c], dst);
        }
        return new Table(schema, cols);
    }
}
