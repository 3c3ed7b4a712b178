namespace Aderencia.Data;

/// <summary>Ordered columns of a table, looked up by name case-insensitively.</summary>
public sealed class TableSchema
{
    private readonly Dictionary<string, int> _index;

    public TableSchema(IReadOnlyList<ColumnSchema> columns)
    {
        Columns = columns;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < columns.Count; i++)
            _index.TryAdd(columns[i].Name, i);
    }

    public IReadOnlyList<ColumnSchema> Columns { get; }
    public int Count => Columns.Count;
    public ColumnSchema this[int i] => Columns[i];

    public int IndexOf(string name) => _index.TryGetValue(name, out int i) ? i : -1;
    public bool Contains(string name) => _index.ContainsKey(name);
}
