using Aderencia.Data;
using Aderencia.Domain;

namespace Aderencia.Pipeline;

/// <summary>The columns predictions add to a table: nivel_previsto, prob_baixa, prob_media, prob_alta, justificativa.</summary>
public static class PredictionColumns
{
    public const string Level = "nivel_previsto";
    public const string ProbBaixa = "prob_baixa";
    public const string ProbMedia = "prob_media";
    public const string ProbAlta = "prob_alta";
    public const string Justification = "justificativa";

    public static readonly ColumnSchema[] Schema =
    [
        new(Level, DataKind.String), new(ProbBaixa, DataKind.Double), new(ProbMedia, DataKind.Double),
        new(ProbAlta, DataKind.Double), new(Justification, DataKind.String),
    ];

    public static Column[] Columns(IReadOnlyList<Prediction> predictions) =>
    [
        new(Schema[0], predictions.Select(p => (object?)p.Level.ChallengeLabel()).ToArray()),
        new(Schema[1], predictions.Select(p => (object?)Round(p.ProbBaixa)).ToArray()),
        new(Schema[2], predictions.Select(p => (object?)Round(p.ProbMedia)).ToArray()),
        new(Schema[3], predictions.Select(p => (object?)Round(p.ProbAlta)).ToArray()),
        new(Schema[4], predictions.Select(p => (object?)p.Justification).ToArray()),
    ];

    /// <summary>The input rows with the prediction columns appended (replacing same-named ones).</summary>
    public static Table Append(Table source, IReadOnlyList<int> rows, IReadOnlyList<Prediction> predictions)
    {
        var kept = source.Take(rows.ToArray());
        var names = Schema.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var cols = kept.Columns.Where(c => !names.Contains(c.Name)).Concat(Columns(predictions)).ToArray();
        return new Table(new TableSchema(cols.Select(c => c.Schema).ToArray()), cols);
    }

    private static double Round(float p) => Math.Round(p, 6);
}
