using Aderencia.Domain;

namespace Aderencia.Evaluation;

/// <summary>One misgraded row; Confidence is the model's probability for the (wrong) level it chose, when known.</summary>
public sealed record ConfusionExample(int Row, double? Confidence, string? ThesisId, string? ThemeId, string? Uf, string? Description);

/// <summary>An off-diagonal cell of the confusion matrix with a few of its rows.</summary>
public sealed record WorstConfusion(string Truth, string Predicted, int Count, IReadOnlyList<ConfusionExample> Examples);

public static class WorstConfusions
{
    /// <summary>
    /// The <paramref name="cells"/> most frequent (true, predicted) mistakes, larger ordinal distance first on ties,
    /// each with up to <paramref name="examplesPerCell"/> rows, most confident first (input order without probabilities).
    /// </summary>
    public static IReadOnlyList<WorstConfusion> Compute(EvaluationInput input, int cells, int examplesPerCell)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cells);
        ArgumentOutOfRangeException.ThrowIfNegative(examplesPerCell);
        const int k = AdherenceLevels.Count;
        var confusion = ConfusionMatrix.From(input.Truth, input.Predicted);
        var chosen = new List<(int Truth, int Predicted, int Count)>();
        for (int t = 0; t < k; t++)
            for (int p = 0; p < k; p++)
                if (t != p && confusion[t, p] > 0) chosen.Add((t, p, confusion[t, p]));
        chosen.Sort((a, b) =>
        {
            int byCount = b.Count.CompareTo(a.Count);
            if (byCount != 0) return byCount;
            int byDistance = Math.Abs(b.Truth - b.Predicted).CompareTo(Math.Abs(a.Truth - a.Predicted));
            return byDistance != 0 ? byDistance : (a.Truth * k + a.Predicted).CompareTo(b.Truth * k + b.Predicted);
        });

        var result = new List<WorstConfusion>(Math.Min(cells, chosen.Count));
        foreach (var (t, p, count) in chosen.Take(cells))
        {
            var rows = new List<int>(count);
            for (int i = 0; i < input.Truth.Length; i++)
                if ((int)input.Truth[i] == t && (int)input.Predicted[i] == p) rows.Add(i);
            if (input.Probabilities is { } probs)
                rows.Sort((a, b) => probs[b * k + p] != probs[a * k + p] ? probs[b * k + p].CompareTo(probs[a * k + p]) : a.CompareTo(b));
            var examples = rows.Take(examplesPerCell).Select(i => new ConfusionExample(i,
                input.Probabilities is { } pr ? (double?)pr[i * k + p] : null,
                input.ThesisIds?[i], input.ThemeIds?[i], input.Ufs?[i], input.Descriptions?[i])).ToArray();
            result.Add(new WorstConfusion(((AdherenceLevel)t).Label(), ((AdherenceLevel)p).Label(), count, examples));
        }
        return result;
    }
}
