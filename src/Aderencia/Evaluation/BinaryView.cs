using Aderencia.Domain;

namespace Aderencia.Evaluation;

/// <summary>
/// The three levels folded into negative (index 0) and positive (index 1), as participants report them: the scores
/// of the positive class, the macro-F1 of both classes (the published number) and the accuracy.
/// </summary>
public sealed record BinaryView(string Name, string Positive, int[][] Confusion,
    double Precision, double Recall, double F1, double MacroF1, double Accuracy)
{
    public static BinaryView AltaVsRest(ConfusionMatrix levels) =>
        Fold(levels, "ALTA vs rest", [AdherenceLevel.Alta]);

    public static BinaryView MediaAltaVsBaixa(ConfusionMatrix levels) =>
        Fold(levels, "MÉDIA+ALTA vs BAIXA", [AdherenceLevel.Media, AdherenceLevel.Alta]);

    /// <summary>Folds a 3-level matrix: the <paramref name="positive"/> levels against the others.</summary>
    public static BinaryView Fold(ConfusionMatrix levels, string name, ReadOnlySpan<AdherenceLevel> positive)
    {
        if (levels.Classes != AdherenceLevels.Count)
            throw new ArgumentException($"binary views fold the {AdherenceLevels.Count} adherence levels; got a {levels.Classes}-class matrix", nameof(levels));
        Span<int> map = stackalloc int[AdherenceLevels.Count];
        var labels = new string[positive.Length];
        for (int i = 0; i < positive.Length; i++)
        {
            map[(int)positive[i]] = 1;
            labels[i] = positive[i].Label();
        }
        var folded = levels.Collapse(map, 2);
        var scores = Prf.Class(folded.Counts, 2, 1);
        return new BinaryView(name, string.Join('+', labels), folded.ToRows(),
            scores.Precision, scores.Recall, scores.F1, Prf.MacroF1(folded.Counts, 2), folded.Accuracy);
    }
}
