namespace Aderencia.Reports;

/// <summary>What a comparison ran on and where (shown at the top of every report).</summary>
public sealed record ComparisonContext
{
    public required string Data { get; init; }
    public required string Protocol { get; init; }
    public required ulong Seed { get; init; }
    public required int TrainPairs { get; init; }
    public required int EvalPairs { get; init; }
    public required int TestPairs { get; init; }
    public string Machine { get; init; } = "";
    public string EnergyMethod { get; init; } = "";
    public double TotalSeconds { get; init; }
    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>Models ranked by test macro-F1, with the Pareto front of macro-F1 against energy, plus the published reference rows.</summary>
public sealed record Comparison(ComparisonContext Context, IReadOnlyList<ComparedModel> Models, ReferenceResults References)
{
    /// <summary>Orders by macro-F1 (best first; ties by lower energy, then name), numbers the ranks and marks the Pareto front.</summary>
    public static Comparison Rank(ComparisonContext context, IEnumerable<ComparedModel> models, ReferenceResults? references = null)
    {
        var ordered = models.OrderByDescending(m => m.MacroF1).ThenBy(m => m.EnergyKwh).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        var front = ParetoFront.Mark(ordered.Select(m => m.EnergyKwh).ToList(), ordered.Select(m => m.MacroF1).ToList());
        var ranked = ordered.Select((m, i) => m with { Rank = i + 1, OnParetoFront = front[i] }).ToList();
        return new Comparison(context, ranked, references ?? ReferenceResults.Published);
    }
}
