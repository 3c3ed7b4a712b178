using Aderencia.Data;
using Aderencia.Domain;

namespace Aderencia.Pipeline;

/// <summary>One thesis × one theme of its state, graded and ranked.</summary>
public sealed record MappedTheme(Production Thesis, Theme Theme, int Rank, Prediction Prediction);

/// <summary>The outcome of mapping theses: the graded themes, and the theses whose state has no themes.</summary>
public sealed record MappingResult(IReadOnlyList<MappedTheme> Rows, IReadOnlyList<Production> Unmapped, int Theses);

/// <summary>Grades every theme of each thesis' state and ranks them by adherence.</summary>
public static class ThemeMapper
{
    public static MappingResult Map(AdherenceModel model, IReadOnlyList<Production> theses, IReadOnlyList<Theme> themes,
        AdherenceLevel minLevel = AdherenceLevel.Baixa, int threads = 2, bool justify = true, Action<int, int>? progress = null)
    {
        var byUf = ThemeTable.ByUf(themes);
        var unmapped = theses.Where(t => !byUf.Contains(t.Uf)).ToList();
        var mappable = theses.Where(t => byUf.Contains(t.Uf)).ToList();
        var rows = new List<MappedTheme>();
        const int Chunk = 2048;
        for (int start = 0; start < mappable.Count; start += Chunk)
        {
            var chunk = mappable.Skip(start).Take(Chunk).ToList();
            var pairs = chunk.SelectMany(t => byUf[t.Uf].Select(theme => new Pair(t, theme))).ToList();
            var predictions = model.Predict(pairs, threads, justify, themes, justifyFrom: minLevel);
            var kept = pairs.Zip(predictions).Where(k => k.Second.Level >= minLevel).Select(k => (Pair: k.First, Prediction: k.Second)).ToList();
            foreach (var group in kept.GroupBy(k => k.Pair.Production.Id))
            {
                int rank = 1;
                foreach (var (pair, pred) in group.OrderByDescending(g => g.Prediction.Level).ThenByDescending(g => g.Prediction.Score))
                    rows.Add(new MappedTheme(pair.Production, pair.Theme, rank++, pred));
            }
            progress?.Invoke(Math.Min(mappable.Count, start + Chunk), mappable.Count);
        }
        return new MappingResult(rows, unmapped, theses.Count);
    }

    public static Table ToTable(IReadOnlyList<MappedTheme> rows)
    {
        ColumnSchema[] schema =
        [
            new("hash_id", DataKind.String), new("nome_producao", DataKind.String), new("uf", DataKind.String),
            new("tema_id", DataKind.Int64), new("tema", DataKind.String), new("rank", DataKind.Int64),
            .. PredictionColumns.Schema,
        ];
        var fixedCols = new Column[]
        {
            new(schema[0], rows.Select(r => (object?)r.Thesis.Id).ToArray()),
            new(schema[1], rows.Select(r => (object?)r.Thesis.Title).ToArray()),
            new(schema[2], rows.Select(r => (object?)r.Thesis.Uf).ToArray()),
            new(schema[3], rows.Select(r => (object?)(long)r.Theme.Id).ToArray()),
            new(schema[4], rows.Select(r => (object?)r.Theme.Name).ToArray()),
            new(schema[5], rows.Select(r => (object?)(long)r.Rank).ToArray()),
        };
        var cols = fixedCols.Concat(PredictionColumns.Columns(rows.Select(r => r.Prediction).ToList())).ToArray();
        return new Table(new TableSchema(schema), cols);
    }
}
