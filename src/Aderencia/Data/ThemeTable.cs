using Aderencia.Domain;

namespace Aderencia.Data;

/// <summary>
/// The themes table (tema_id, tema, uf or uf_tema_info, palavras_chave, optional macrotema) from any format.
/// A challenge pairs file works too: its distinct themes are taken.
/// </summary>
public static class ThemeTable
{
    public static IReadOnlyList<Theme> Load(string path, RejectSink? rejects = null)
    {
        var table = TableFiles.ReadAll(path, rejects: rejects);
        return FromTable(table, path, rejects);
    }

    public static IReadOnlyList<Theme> FromTable(Table table, string path, RejectSink? rejects = null)
    {
        ChallengeDataset.RequireColumns(table.Schema, path, [ChallengeColumns.TemaId, ChallengeColumns.Tema], "a themes table");
        if (!table.Schema.Contains(ChallengeColumns.UfTema) && !table.Schema.Contains("uf"))
            ChallengeDataset.RequireColumns(table.Schema, path, [ChallengeColumns.UfTema], "a themes table (or a column 'uf')");
        var themes = new Dictionary<int, Theme>();
        RowReader.ForEach(table, path, rejects, r =>
        {
            int id = r.RequiredInt(ChallengeColumns.TemaId);
            if (themes.ContainsKey(id)) return;
            var theme = ChallengeDataset.ReadTheme(r, id);
            if (theme.Uf.Length == 0) throw new DataFormatException(path, "the theme has no state (UF)", r.Row, ChallengeColumns.UfTema);
            themes[id] = theme;
        });
        return themes.Values.OrderBy(t => t.Id).ToList();
    }

    public static ILookup<string, Theme> ByUf(IEnumerable<Theme> themes) => themes.ToLookup(t => t.Uf, StringComparer.Ordinal);
}
