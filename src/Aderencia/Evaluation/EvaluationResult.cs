namespace Aderencia.Evaluation;

/// <summary>
/// Everything the evaluation computed, as plain data. JSON property names are snake_case (see <see cref="EvaluationJson"/>);
/// per_class is keyed BAIXA / MEDIA / ALTA and confusion rows and columns follow that order.
/// </summary>
public sealed record EvaluationResult
{
    public required int Rows { get; init; }
    public required double Accuracy { get; init; }
    public required double MacroF1 { get; init; }
    public required double WeightedF1 { get; init; }
    public required IReadOnlyDictionary<string, ClassScores> PerClass { get; init; }
    public required ClassScores MacroAvg { get; init; }
    public required ClassScores WeightedAvg { get; init; }
    /// <summary>Rows are the true level, columns the predicted one.</summary>
    public required int[][] Confusion { get; init; }
    public required BinaryView BinaryAltaVsRest { get; init; }
    public required BinaryView BinaryMediaAltaVsBaixa { get; init; }
    /// <summary>Quadratic weighted Cohen's kappa; null where undefined (a single level everywhere).</summary>
    public double? Qwk { get; init; }
    /// <summary>Null when no probabilities were given.</summary>
    public double? LogLoss { get; init; }
    public required BootstrapIntervals Ci { get; init; }
    public IReadOnlyList<GroupScores>? PerUf { get; init; }
    public IReadOnlyList<GroupScores>? PerTheme { get; init; }
    public required IReadOnlyList<WorstConfusion> WorstConfusions { get; init; }

    /// <summary>The sklearn-style table, rebuilt from the confusion counts.</summary>
    public ClassificationReport Report() => ClassificationReport.From(ConfusionMatrix.FromRows(Confusion));

    public override string ToString() => EvaluationTextReport.Render(this);
}
