using Aderencia.Domain;

namespace Aderencia.Evaluation;

/// <summary>What to score: one true and one predicted level per row, and optional per-row extras.</summary>
public sealed class EvaluationInput
{
    public required AdherenceLevel[] Truth { get; init; }
    public required AdherenceLevel[] Predicted { get; init; }
    /// <summary>Row-major, 3 per row in level order (BAIXA, MÉDIA, ALTA); enables log loss and confident examples.</summary>
    public float[]? Probabilities { get; init; }
    public string[]? Ufs { get; init; }
    /// <summary>The challenge's tema_id per row.</summary>
    public string[]? ThemeIds { get; init; }
    public string[]? ThesisIds { get; init; }
    /// <summary>Short text shown with worst-confusion examples (e.g. the thesis title).</summary>
    public string[]? Descriptions { get; init; }

    /// <summary>Throws naming the first field whose shape does not fit the rows.</summary>
    public void Validate()
    {
        int n = Truth.Length;
        if (n == 0) throw new ArgumentException("nothing to evaluate: the input has no rows");
        if (Predicted.Length != n) throw new ArgumentException($"{n} true levels but {Predicted.Length} predicted levels; give one prediction per row");
        for (int i = 0; i < n; i++)
        {
            if ((uint)Truth[i] >= AdherenceLevels.Count) throw new ArgumentException($"row {i}: true level {(int)Truth[i]} is not BAIXA, MÉDIA or ALTA");
            if ((uint)Predicted[i] >= AdherenceLevels.Count) throw new ArgumentException($"row {i}: predicted level {(int)Predicted[i]} is not BAIXA, MÉDIA or ALTA");
        }
        if (Probabilities is not null && Probabilities.Length != n * AdherenceLevels.Count)
            throw new ArgumentException($"{Probabilities.Length} probabilities for {n} rows; give {AdherenceLevels.Count} per row (BAIXA, MÉDIA, ALTA)");
        CheckPerRow(Ufs, nameof(Ufs), n);
        CheckPerRow(ThemeIds, nameof(ThemeIds), n);
        CheckPerRow(ThesisIds, nameof(ThesisIds), n);
        CheckPerRow(Descriptions, nameof(Descriptions), n);
    }

    private static void CheckPerRow(string[]? values, string name, int n)
    {
        if (values is not null && values.Length != n) throw new ArgumentException($"{name} has {values.Length} entries for {n} rows; give one per row or none");
    }
}
