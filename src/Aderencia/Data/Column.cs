namespace Aderencia.Data;

/// <summary>Values of one column for a batch of rows; null marks a missing value.</summary>
/// <remarks>Values are boxed CLR values (see <see cref="DataKind"/>). Readers share one instance for
/// repeated dictionary entries, so repeated abstracts cost memory once.</remarks>
public sealed class Column
{
    public Column(ColumnSchema schema, object?[] values)
    {
        Schema = schema;
        Values = values;
    }

    public ColumnSchema Schema { get; }
    public object?[] Values { get; }
    public int Length => Values.Length;
    public string Name => Schema.Name;
    public object? this[int row] => Values[row];

    public int NullCount
    {
        get
        {
            int n = 0;
            foreach (var v in Values)
                if (v is null) n++;
            return n;
        }
    }
}
