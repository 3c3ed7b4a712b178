using Aderencia.Domain;
using C = Aderencia.Data.ChallengeColumns;

namespace Aderencia.Data;

/// <summary>
/// The challenge's (thesis, theme) pairs file as typed records. Each thesis and each theme is built once
/// and shared by all its pairs. Rows that cannot be used are rejected (with file, row, column and reason),
/// not silently dropped; rows without a label are kept with a null level.
/// </summary>
public sealed class ChallengeDataset
{
    private ChallengeDataset(string path, Table source, List<LabeledPair> pairs, List<int> sourceRows,
        IReadOnlyList<Production> productions, IReadOnlyList<Theme> themes)
    {
        Path = path;
        Source = source;
        Pairs = pairs;
        SourceRows = sourceRows;
        Productions = productions;
        Themes = themes;
    }

    public string Path { get; }

    /// <summary>The table as read, every column kept (for outputs that echo the input).</summary>
    public Table Source { get; }

    public IReadOnlyList<LabeledPair> Pairs { get; }

    /// <summary>For each pair, its 0-based row in <see cref="Source"/>.</summary>
    public IReadOnlyList<int> SourceRows { get; }

    public IReadOnlyList<Production> Productions { get; }
    public IReadOnlyList<Theme> Themes { get; }

    public int LabeledCount => Pairs.Count(p => p.Level is not null);
    public bool HasLabels => Source.Schema.Contains(C.Nivel);

    public static ChallengeDataset Load(string path, RejectSink? rejects = null)
    {
        var table = TableFiles.ReadAll(path, rejects: rejects);
        return FromTable(table, path, rejects);
    }

    public static ChallengeDataset FromTable(Table table, string path, RejectSink? rejects = null)
    {
        RequireColumns(table.Schema, path, C.Required, "a LeanDL challenge pairs file");
        var productions = new Dictionary<string, Production>(StringComparer.Ordinal);
        var themes = new Dictionary<int, Theme>();
        var pairs = new List<LabeledPair>(table.RowCount);
        var rows = new List<int>(table.RowCount);
        RowReader.ForEach(table, path, rejects, r =>
        {
            var id = r.RequiredText(C.HashId);
            if (!productions.TryGetValue(id, out var production))
                productions[id] = production = ReadProduction(r, id);
            int temaId = r.RequiredInt(C.TemaId);
            if (!themes.TryGetValue(temaId, out var theme))
                themes[temaId] = theme = ReadTheme(r, temaId);
            pairs.Add(new LabeledPair(production, theme, r.Level(C.Nivel), r.Text(C.Explicacao)));
            rows.Add(r.Index);
        });
        return new ChallengeDataset(path, table, pairs, rows, productions.Values.ToList(), themes.Values.OrderBy(t => t.Id).ToList());
    }

    internal static Production ReadProduction(RowReader r, string id) => new()
    {
        Id = id,
        Title = r.RequiredText(C.Titulo),
        Uf = Ufs.Normalize(r.Text(C.UfPesquisador) is { Length: > 0 } uf ? uf : r.Text(C.UfTema)),
        Abstract = r.Text(C.Resumo),
        AbstractEn = r.Text(C.Abstract),
        Keywords = r.Keywords(C.PalavraChave),
        KeywordsEn = r.Keywords(C.Keyword),
        Program = r.Text(C.Programa),
        Institution = r.Text(C.Sigla),
        ConcentrationArea = r.Text(C.AreaConcentracao),
        ResearchLine = r.Text(C.LinhaPesquisa),
        Project = r.Text(C.Projeto),
        Subtype = r.Text(C.Subtipo),
        Degree = r.Text(C.Grau),
        GreatArea = r.Text(C.GrandeArea),
        KnowledgeArea = r.Text(C.Area),
        Subarea = r.Text(C.Subarea),
        Specialty = r.Text(C.Especialidade),
        DefenseDate = r.Date(C.DataTitulacao),
    };

    internal static Theme ReadTheme(RowReader r, int id) => new()
    {
        Id = id,
        Name = r.RequiredText(C.Tema),
        Uf = Ufs.Normalize(r.Text(C.UfTema) is { Length: > 0 } uf ? uf : r.Text("uf")),
        Keywords = r.Keywords(C.PalavrasChave),
        MacroTheme = r.Text("macrotema"),
    };

    internal static void RequireColumns(TableSchema schema, string path, IEnumerable<string> required, string what)
    {
        var missing = required.Where(c => !schema.Contains(c)).ToList();
        if (missing.Count == 0) return;
        throw new DataFormatException(path,
            $"missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))} for {what}; " +
            $"the file has: {string.Join(", ", schema.Columns.Select(c => c.Name).Take(30))}");
    }
}
