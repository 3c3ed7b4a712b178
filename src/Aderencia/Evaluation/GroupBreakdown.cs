using Aderencia.Domain;

namespace Aderencia.Evaluation;

/// <summary>Scores of the rows sharing one key (a UF, a theme).</summary>
public sealed record GroupScores(string Key, int Support, double Accuracy, double MacroF1);

public static class GroupBreakdown
{
    /// <summary>
    /// One line per distinct key, in ordinal key order. Macro-F1 averages only the levels that occur in the group's
    /// truth or predictions (sklearn's f1_score(average="macro") without labels), so a small group is not charged
    /// for a level it never had.
    /// </summary>
    public static IReadOnlyList<GroupScores> Compute(IReadOnlyList<string> keys, ReadOnlySpan<AdherenceLevel> truth, ReadOnlySpan<AdherenceLevel> predicted)
    {
        if (keys.Count != truth.Length || predicted.Length != truth.Length)
            throw new ArgumentException($"{keys.Count} group keys, {truth.Length} true and {predicted.Length} predicted levels; give one of each per row");
        const int k = AdherenceLevels.Count;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        for (int i = 0; i < truth.Length; i++)
        {
            string key = keys[i] ?? throw new ArgumentException($"group key of row {i} is null", nameof(keys));
            if (!index.TryGetValue(key, out int g))
            {
                g = index.Count;
                index.Add(key, g);
                for (int c = 0; c < k * k; c++) counts.Add(0);
            }
            counts[g * k * k + (int)truth[i] * k + (int)predicted[i]]++;
        }
        var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(counts);
        var result = new List<GroupScores>(index.Count);
        foreach (var (key, g) in index.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var cell = all.Slice(g * k * k, k * k);
            int support = 0, correct = 0;
            for (int c = 0; c < k * k; c++) support += cell[c];
            for (int c = 0; c < k; c++) correct += cell[c * k + c];
            result.Add(new GroupScores(key, support, (double)correct / support, Prf.MacroF1(cell, k, presentOnly: true)));
        }
        return result;
    }
}
