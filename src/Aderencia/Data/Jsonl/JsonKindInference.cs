using System.Text.Json;

namespace Aderencia.Data.Jsonl;

/// <summary>Infers one JSONL key's kind from the JSON values seen under it.</summary>
internal sealed class JsonKindInference
{
    private bool _string, _int, _double, _bool, _array, _other;
    private JsonKindInference? _element;

    public void Observe(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined: return;
            case JsonValueKind.String: _string = true; return;
            case JsonValueKind.True or JsonValueKind.False: _bool = true; return;
            case JsonValueKind.Number:
                if (e.TryGetInt64(out _)) _int = true; else _double = true;
                return;
            case JsonValueKind.Array:
                _array = true;
                _element ??= new JsonKindInference();
                foreach (var item in e.EnumerateArray()) _element.Observe(item);
                return;
            default: _other = true; return;
        }
    }

    public ColumnSchema Result(string name)
    {
        int families = (_string ? 1 : 0) + (_int || _double ? 1 : 0) + (_bool ? 1 : 0) + (_array ? 1 : 0) + (_other ? 1 : 0);
        if (families != 1 || _string || _other) return new ColumnSchema(name, DataKind.String);
        if (_bool) return new ColumnSchema(name, DataKind.Boolean);
        if (_array)
        {
            var element = _element!.Result("element");
            return new ColumnSchema(name, DataKind.List) { Element = element.Kind == DataKind.List ? element with { Kind = DataKind.String, Element = null } : element };
        }
        return new ColumnSchema(name, _double ? DataKind.Double : DataKind.Int64);
    }

    /// <summary>Converts a JSON value to the inferred kind (always possible, by construction).</summary>
    public static object? Convert(JsonElement e, ColumnSchema schema) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => schema.Kind switch
        {
            DataKind.Boolean => e.GetBoolean(),
            DataKind.Int64 => e.GetInt64(),
            DataKind.Double => e.GetDouble(),
            DataKind.List => e.EnumerateArray().Select(item => Convert(item, schema.Element!)).ToArray(),
            _ => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText(),
        },
    };
}
