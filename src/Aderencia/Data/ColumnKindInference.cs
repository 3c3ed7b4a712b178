using System.Globalization;
using System.Text.Json;

namespace Aderencia.Data;

/// <summary>
/// Infers a column's kind from its text values (CSV): the narrowest of boolean, int64, double, list
/// (JSON array) and string that every non-empty value fits. Integers with leading zeros stay strings
/// so identifiers such as "007" survive a round trip.
/// </summary>
internal sealed class ColumnKindInference
{
    [Flags]
    private enum Candidates
    {
        None = 0,
        Boolean = 1,
        Int64 = 2,
        Double = 4,
        List = 8,
    }

    private Candidates _possible = Candidates.Boolean | Candidates.Int64 | Candidates.Double | Candidates.List;
    private bool _sawValue;

    public void Observe(string text)
    {
        if (text.Length == 0) return;
        _sawValue = true;
        if (_possible == Candidates.None) return;
        if ((_possible & Candidates.Boolean) != 0 && !IsBoolean(text)) _possible &= ~Candidates.Boolean;
        if ((_possible & Candidates.Int64) != 0 && !TryParseInt64(text, out _)) _possible &= ~Candidates.Int64;
        if ((_possible & Candidates.Double) != 0 && !TryParseDouble(text, out _)) _possible &= ~Candidates.Double;
        if ((_possible & Candidates.List) != 0 && !TryParseStringList(text, out _)) _possible &= ~Candidates.List;
    }

    public ColumnSchema Result(string name)
    {
        if (!_sawValue) return new ColumnSchema(name, DataKind.String);
        if ((_possible & Candidates.Boolean) != 0) return new ColumnSchema(name, DataKind.Boolean);
        if ((_possible & Candidates.Int64) != 0) return new ColumnSchema(name, DataKind.Int64);
        if ((_possible & Candidates.Double) != 0) return new ColumnSchema(name, DataKind.Double);
        if ((_possible & Candidates.List) != 0) return ColumnSchema.ListOf(name, DataKind.String);
        return new ColumnSchema(name, DataKind.String);
    }

    public static bool IsBoolean(string s) =>
        s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase);

    public static bool TryParseInt64(string s, out long value)
    {
        value = 0;
        var span = s.AsSpan();
        var digits = span.Length > 0 && span[0] == '-' ? span[1..] : span;
        if (digits.Length == 0 || (digits.Length > 1 && digits[0] == '0')) return false;
        foreach (char c in digits) if (!char.IsAsciiDigit(c)) return false;
        return long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseDouble(string s, out double value)
    {
        value = 0;
        var span = s.AsSpan();
        if (span.Length == 0 || !(char.IsAsciiDigit(span[0]) || span[0] is '-' or '.')) return false;
        if (span.Length > 1 && span[0] == '0' && char.IsAsciiDigit(span[1])) return false;
        return double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A JSON array of strings (or nulls), the way our CSV writer stores list columns.</summary>
    public static bool TryParseStringList(string s, out object?[] list)
    {
        list = [];
        if (s.Length < 2 || s[0] != '[' || s[^1] != ']') return false;
        try
        {
            using var doc = JsonDocument.Parse(s);
            var items = new object?[doc.RootElement.GetArrayLength()];
            int i = 0;
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.ValueKind == JsonValueKind.String) items[i++] = e.GetString();
                else if (e.ValueKind == JsonValueKind.Null) items[i++] = null;
                else return false;
            }
            list = items;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
