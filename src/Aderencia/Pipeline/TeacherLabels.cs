using Aderencia.Data;
using Aderencia.Domain;
using C = Aderencia.Data.ChallengeColumns;

namespace Aderencia.Pipeline;

/// <summary>
/// Levels given to (thesis, theme) pairs by a teacher (e.g. an LLM's predictions on unlabelled theses), read from
/// any table with hash_id, tema_id and a level column (the first of <see cref="LevelColumns"/> present, any case).
/// Unusable rows (missing id, unknown level, a second conflicting label for a pair) are rejected, not guessed.
/// </summary>
public sealed class TeacherLabels
{
    public static readonly string[] LevelColumns = ["nivel_previsto", "modelo_nivel", "nivel", "label"];

    private TeacherLabels(string path, string fingerprint, string levelColumn, int rows, Dictionary<(string, int), AdherenceLevel> levels)
    {
        Path = path;
        Fingerprint = fingerprint;
        LevelColumn = levelColumn;
        Rows = rows;
        Levels = levels;
    }

    public string Path { get; }
    public string Fingerprint { get; }
    public string LevelColumn { get; }

    /// <summary>Rows in the file (accepted, duplicate or rejected).</summary>
    public int Rows { get; }

    /// <summary>The teacher's level per (hash_id, tema_id).</summary>
    public IReadOnlyDictionary<(string HashId, int TemaId), AdherenceLevel> Levels { get; }

    /// <summary>What <see cref="ChallengeDataset"/>'s model card records as the label source.</summary>
    public string Provenance => $"teacher:{Fingerprint}";

    public static TeacherLabels Load(string path, RejectSink? rejects = null)
    {
        var table = TableFiles.ReadAll(path, rejects: rejects);
        string? level = LevelColumns.Select(want => table.Schema.Columns.FirstOrDefault(c => c.Name.Equals(want, StringComparison.OrdinalIgnoreCase))?.Name)
            .FirstOrDefault(name => name is not null);
        var missing = new[] { C.HashId, C.TemaId }.Where(c => !table.Schema.Contains(c)).ToList();
        if (level is null) missing.Add(string.Join(" or ", LevelColumns));
        if (missing.Count > 0)
            throw new DataFormatException(path, $"teacher labels need the column(s) {string.Join(", ", missing)}; found: {string.Join(", ", table.Schema.Columns.Select(c => c.Name))}");
        var levels = new Dictionary<(string, int), AdherenceLevel>();
        RowReader.ForEach(table, path, rejects, r =>
        {
            var key = (r.RequiredText(C.HashId), r.RequiredInt(C.TemaId));
            var l = r.Level(level!) ?? throw new DataFormatException(path, "the teacher gave no level", r.Row, level);
            if (levels.TryGetValue(key, out var earlier) && earlier != l)
                throw new DataFormatException(path, $"pair ({key.Item1}, {key.Item2}) was already labelled {earlier.Label()} by an earlier row; this row says {l.Label()}", r.Row, level);
            levels[key] = l;
        });
        return new TeacherLabels(path, Data.Fingerprint.OfFile(path), level!, table.RowCount, levels);
    }

    /// <summary>
    /// <paramref name="data"/> with every pair's level replaced by the teacher's (null where the teacher has none, so
    /// the pair is left out of training); the file's own levels are kept as <see cref="TeacherJoin.Gold"/>.
    /// </summary>
    public TeacherJoin Apply(ChallengeDataset data)
    {
        var column = new object?[data.Source.RowCount];
        var pairs = new HashSet<(string, int)>();
        var gold = new Dictionary<(string, int), AdherenceLevel>();
        int labelled = 0, missing = 0;
        for (int i = 0; i < data.Pairs.Count; i++)
        {
            var p = data.Pairs[i];
            var key = (p.Production.Id, p.Theme.Id);
            pairs.Add(key);
            if (p.Level is { } g) gold[key] = g;
            if (Levels.TryGetValue(key, out var t))
            {
                column[data.SourceRows[i]] = t.ChallengeLabel();
                labelled++;
            }
            else missing++;
        }
        int unmatched = Levels.Keys.Count(k => !pairs.Contains(k));
        var relabelled = ChallengeDataset.FromTable(WithLevels(data.Source, column), data.Path, new RejectSink());
        return new TeacherJoin(relabelled, labelled, missing, unmatched, gold);
    }

    private static Table WithLevels(Table source, object?[] levels)
    {
        var schema = new List<ColumnSchema>();
        var columns = new List<Column>();
        foreach (var c in source.Columns)
        {
            if (c.Name == C.Nivel) continue;
            schema.Add(c.Schema);
            columns.Add(c);
        }
        var nivel = new ColumnSchema(C.Nivel, DataKind.String);
        schema.Add(nivel);
        columns.Add(new Column(nivel, levels));
        return new Table(new TableSchema(schema), columns);
    }
}

/// <param name="Data">The pairs file relabelled by the teacher.</param>
/// <param name="Labelled">Pairs the teacher labelled.</param>
/// <param name="Missing">Pairs of the file the teacher has no label for (left out of training).</param>
/// <param name="Unmatched">Teacher labels for pairs the file does not hold.</param>
/// <param name="Gold">The file's own levels (modelo_nivel), where it has them.</param>
public sealed record TeacherJoin(ChallengeDataset Data, int Labelled, int Missing, int Unmatched, IReadOnlyDictionary<(string HashId, int TemaId), AdherenceLevel> Gold)
{
    public override string ToString() =>
        $"teacher labels: {Labelled:N0} pairs labelled, {Missing:N0} pairs without a teacher label (left out), {Unmatched:N0} teacher labels match no pair";
}
