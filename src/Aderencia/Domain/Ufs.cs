using System.Text;

namespace Aderencia.Domain;

/// <summary>The 27 Brazilian federative units: two-letter code and the upper-case name the challenge uses.</summary>
public static class Ufs
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("AC", "ACRE"), ("AL", "ALAGOAS"), ("AP", "AMAPÁ"), ("AM", "AMAZONAS"), ("BA", "BAHIA"), ("CE", "CEARÁ"),
        ("DF", "DISTRITO FEDERAL"), ("ES", "ESPÍRITO SANTO"), ("GO", "GOIÁS"), ("MA", "MARANHÃO"), ("MT", "MATO GROSSO"),
        ("MS", "MATO GROSSO DO SUL"), ("MG", "MINAS GERAIS"), ("PA", "PARÁ"), ("PB", "PARAÍBA"), ("PR", "PARANÁ"),
        ("PE", "PERNAMBUCO"), ("PI", "PIAUÍ"), ("RJ", "RIO DE JANEIRO"), ("RN", "RIO GRANDE DO NORTE"),
        ("RS", "RIO GRANDE DO SUL"), ("RO", "RONDÔNIA"), ("RR", "RORAIMA"), ("SC", "SANTA CATARINA"), ("SP", "SÃO PAULO"),
        ("SE", "SERGIPE"), ("TO", "TOCANTINS"),
    ];

    private static readonly Dictionary<string, string> Lookup = Build();

    private static Dictionary<string, string> Build()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in All)
        {
            d[code] = name;
            d[Fold(name)] = name;
        }
        return d;
    }

    /// <summary>The canonical name for a code or a name in any case, with or without accents; null if unknown.</summary>
    public static string? Canonical(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Lookup.TryGetValue(Fold(text), out var name) ? name : null;
    }

    /// <summary>The canonical name when known, otherwise the input trimmed and upper-cased (kept, not dropped).</summary>
    public static string Normalize(string? text) =>
        Canonical(text) ?? (text ?? "").Trim().ToUpperInvariant();

    public static string? CodeOf(string name)
    {
        var canonical = Canonical(name);
        foreach (var (code, n) in All) if (n == canonical) return code;
        return null;
    }

    private const string Accented = "ÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑ";
    private const string Plain = "AAAAAEEEEIIIIOOOOOUUUUCN";

    private static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text.Trim().ToUpperInvariant())
        {
            int k = Accented.IndexOf(ch);
            sb.Append(k >= 0 ? Plain[k] : ch);
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
