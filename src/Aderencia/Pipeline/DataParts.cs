using Aderencia.Data;
using Aderencia.Domain;
using Aderencia.Splits;

namespace Aderencia.Pipeline;

/// <summary>The train / eval / test pairs of a dataset under a split protocol (labelled pairs only).</summary>
public sealed record DataParts(SplitProtocol Protocol, IReadOnlyList<LabeledPair> Train, IReadOnlyList<LabeledPair> Eval, IReadOnlyList<LabeledPair> Test)
{
    /// <summary>Splits by the protocol over the file's rows, then keeps the rows that loaded with a label.</summary>
    public static DataParts From(ChallengeDataset data, SplitProtocol protocol, ulong seed)
    {
        var byRow = new Dictionary<int, LabeledPair>(data.Pairs.Count);
        for (int i = 0; i < data.Pairs.Count; i++)
            if (data.Pairs[i].Level is not null) byRow[data.SourceRows[i]] = data.Pairs[i];
        if (protocol == SplitProtocol.None)
            return new DataParts(protocol, byRow.OrderBy(k => k.Key).Select(k => k.Value).ToList(), [], []);
        var split = SplitProtocols.Split(data.Source, protocol, seed, data.Path);
        List<LabeledPair> Take(int[] rows) => rows.Where(byRow.ContainsKey).Select(r => byRow[r]).ToList();
        return new DataParts(protocol, Take(split.Train), Take(split.Eval), Take(split.Test));
    }

    /// <summary>A held-out tenth by thesis (for threshold tuning when every row is training data).</summary>
    public static (List<LabeledPair> Fit, List<LabeledPair> Tune) HoldOut(IReadOnlyList<LabeledPair> pairs, ulong seed)
    {
        var groups = pairs.Select(p => p.Production.Id).ToArray();
        var classes = pairs.Select(p => (int)p.Level!.Value).ToArray();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupOfRow = groups.Select(g => ids.TryGetValue(g, out int v) ? v : ids[g] = ids.Count).ToArray();
        var split = GroupedSplit.Create(groupOfRow, ids.Count, seed, 0.9, 0.1, 0.0, classes, AdherenceLevels.Count);
        return (split.Train.Select(i => pairs[i]).ToList(), split.Eval.Select(i => pairs[i]).ToList());
    }
}
