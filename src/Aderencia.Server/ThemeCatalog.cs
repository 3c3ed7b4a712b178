using Aderencia.Domain;

namespace Aderencia.Server;

/// <summary>The themes the service grades against, indexed by state and by id once at start-up.</summary>
public sealed class ThemeCatalog
{
    private readonly Dictionary<string, Theme[]> _byUf;
    private readonly Dictionary<int, Theme> _byId;

    public ThemeCatalog(IEnumerable<Theme> themes)
    {
        All = themes.OrderBy(t => t.Id).ToArray();
        if (All.Count == 0) throw new ArgumentException("the themes table is empty: nothing to grade against");
        _byId = All.ToDictionary(t => t.Id);
        _byUf = All.GroupBy(t => Ufs.Normalize(t.Uf), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Theme> All { get; }

    /// <summary>The themes of a canonical state name; empty when it has none.</summary>
    public IReadOnlyList<Theme> ForUf(string uf) => _byUf.TryGetValue(uf, out var t) ? t : [];

    public Theme? Find(int id) => _byId.GetValueOrDefault(id);

    public int CountFor(string uf) => _byUf.TryGetValue(uf, out var t) ? t.Length : 0;

    public IEnumerable<string> States => _byUf.Keys.Order(StringComparer.Ordinal);
}
