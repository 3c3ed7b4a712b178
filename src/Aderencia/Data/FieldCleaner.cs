using System.Globalization;

namespace Aderencia.Data;

/// <summary>Tolerated oddities of catalogue text: placeholders such as "NÃO SE APLICA", ';'-joined keywords, dates in several spellings.</summary>
public static class FieldCleaner
{
    private static readonly string[] Placeholders =
        ["NÃO SE APLICA", "NAO SE APLICA", "NÃO INFORMADO", "NAO INFORMADO", "NÃO HÁ", "N/A", "NULL", "NONE", "-", "--"];

    public static bool IsPlaceholder(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty) return true;
        foreach (var p in Placeholders)
            if (text.Equals(p, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Trimmed text, or "" for null and placeholders.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => IsPlaceholder(s) ? "" : s.Trim(),
        object?[] list => string.Join("; ", list.OfType<string>().Where(x => !IsPlaceholder(x))),
        _ => ValueText.Format(value),
    };

    /// <summary>Keywords from a ';'-separated string, a list value or a JSON array text.</summary>
    public static string[] Keywords(object? value)
    {
        switch (value)
        {
            case null: return [];
            case object?[] list: return Clean(list.Select(x => x as string ?? (x is null ? null : ValueText.Format(x))));
            case string s:
                if (s.TrimStart().StartsWith('[') && ColumnKindInference.TryParseStringList(s.Trim(), out var parsed))
                    return Clean(parsed.Cast<string?>());
                char sep = s.Contains(';') ? ';' : s.Contains('|') ? '|' : ';';
                return Clean(s.Split(sep));
            default: return Clean([ValueText.Format(value)]);
        }
    }

    /// <summary>Trimmed, placeholders dropped, repeats (ignoring case) dropped, first spelling kept; lists are short, so no hashing.</summary>
    private static string[] Clean(IEnumerable<string?> items)
    {
        var kept = new List<string>(8);
        foreach (var item in items)
        {
            if (item is null || IsPlaceholder(item)) continue;
            var text = item.Trim();
            bool repeated = false;
            foreach (var k in kept)
                if (k.Length == text.Length && k.Equals(text, StringComparison.OrdinalIgnoreCase))
                {
                    repeated = true;
                    break;
                }
            if (!repeated) kept.Add(text);
        }
        return [.. kept];
    }

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "dd/MM/yyyy", "dd/MM/yyyy HH:mm:ss", "ddMMMyyyy:HH:mm:ss", "yyyyMMdd"];

    /// <summary>A date from a DATE/TIMESTAMP value or common text spellings (ISO, dd/MM/yyyy, CAPES' 25AUG2023:00:00:00).</summary>
    public static DateOnly? Date(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s when !IsPlaceholder(s) => TryParseDate(s.Trim()),
        _ => null,
    };

    private static DateOnly? TryParseDate(string s)
    {
        if (DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var t))
            return DateOnly.FromDateTime(t);
        if (s.Length >= 10 && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out t))
            return DateOnly.FromDateTime(t);
        return null;
    }
}
