using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Aderencia.Data;

/// <summary>How values of each kind are written as text (CSV cells, JSON values) and read back.</summary>
public static class ValueText
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff";

    /// <summary>Text of a non-null scalar value; lists become JSON arrays.</summary>
    public static string Format(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString(DateFormat, CultureInfo.InvariantCulture),
        DateTime t => t.ToString(TimestampFormat, CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        object?[] list => FormatList(list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static string FormatList(object?[] list)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteJson(w, list);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a value as JSON following the documented JSONL conventions.</summary>
    public static void WriteJson(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case float f when float.IsFinite(f): w.WriteNumberValue(f); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            case float or double: w.WriteStringValue(Format(value)); break;
            case object?[] list:
                w.WriteStartArray();
                foreach (var item in list) WriteJson(w, item);
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(Format(value)); break;
        }
    }

    /// <summary>Converts a text cell to the column's kind; false when it does not fit.</summary>
    public static bool TryParse(string text, ColumnSchema schema, out object? value)
    {
        value = null;
        switch (schema.Kind)
        {
            case DataKind.String: value = text; return true;
            case DataKind.Boolean:
                if (!ColumnKindInference.IsBoolean(text)) return false;
                value = text.Equals("true", StringComparison.OrdinalIgnoreCase);
                return true;
            case DataKind.Int32:
                if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i32)) return false;
                value = i32; return true;
            case DataKind.Int64:
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long i64)) return false;
                value = i64; return true;
            case DataKind.Float:
                if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float f)) return false;
                value = f; return true;
            case DataKind.Double:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return false;
                value = d; return true;
            case DataKind.Decimal:
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal m)) return false;
                value = m; return true;
            case DataKind.Date:
                if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return false;
                value = date; return true;
            case DataKind.Timestamp:
                if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var ts)) return false;
                value = DateTime.SpecifyKind(ts, DateTimeKind.Utc); return true;
            case DataKind.Binary:
                try { value = Convert.FromBase64String(text); return true; }
                catch (FormatException) { return false; }
            case DataKind.List:
                if (!ColumnKindInference.TryParseStringList(text, out var list)) return false;
                value = list; return true;
            default: return false;
        }
    }
}
