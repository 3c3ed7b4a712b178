using Aderencia.Domain;

namespace Aderencia.Splits;

/// <summary>A train/eval/test split in which every group (a thesis, by hash_id) lies wholly in one part, so
/// no thesis is seen in training and graded in evaluation.</summary>
/// <remarks>Distinct groups are shuffled with numpy's generator for the seed, then each group in turn goes to
/// the part furthest below its target row count (fraction × rows). With stratification the same is done
/// separately for the groups of each majority label, with targets taken from that label's rows, so every
/// part gets about its fraction of each label. Parts list rows in input order.</remarks>
public static class GroupedSplit
{
    public const string Name = "grouped";

    public static SplitResult Create(ReadOnlySpan<string> groupKeys, ulong seed,
        double trainFraction = 0.8, double evalFraction = 0.1, double testFraction = 0.1,
        ReadOnlySpan<AdherenceLevel> stratifyBy = default)
    {
        var groupOfRow = new int[groupKeys.Length];
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int row = 0; row < groupKeys.Length; row++)
        {
            var key = groupKeys[row] ?? throw new ArgumentException($"Row {row} has no group key (hash_id).", nameof(groupKeys));
            if (!ids.TryGetValue(key, out int id))
                ids.Add(key, id = ids.Count);
            groupOfRow[row] = id;
        }
        Span<int> labels = stratifyBy.IsEmpty ? default : new int[stratifyBy.Length];
        for (int i = 0; i < stratifyBy.Length; i++) labels[i] = (int)stratifyBy[i];
        return Create(groupOfRow, ids.Count, seed, trainFraction, evalFraction, testFraction, labels, AdherenceLevels.Count);
    }

    /// <summary>The split for rows already mapped to group ids 0..<paramref name="groupCount"/>-1; optional
    /// class ids 0..<paramref name="classCount"/>-1 per row to stratify by each group's majority class
    /// (ties go to the lower class id).</summary>
    public static SplitResult Create(ReadOnlySpan<int> groupOfRow, int groupCount, ulong seed,
        double trainFraction, double evalFraction, double testFraction,
        ReadOnlySpan<int> classOfRow = default, int classCount = 0)
    {
        ValidateFractions(trainFraction, evalFraction, testFraction);
        if (!classOfRow.IsEmpty && classOfRow.Length != groupOfRow.Length)
            throw new ArgumentException($"Stratification labels cover {classOfRow.Length} rows but there are {groupOfRow.Length}.", nameof(classOfRow));

        var groupSize = new int[groupCount];
        foreach (int g in groupOfRow)
        {
            if ((uint)g >= (uint)groupCount)
                throw new ArgumentOutOfRangeException(nameof(groupOfRow), g, $"Group id outside 0..{groupCount - 1}.");
            groupSize[g]++;
        }

        var stratumOfGroup = new int[groupCount];
        int strata = 1;
        if (!classOfRow.IsEmpty)
        {
            if (classCount <= 0) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "Stratifying needs the number of classes.");
            strata = classCount;
            MajorityClass(groupOfRow, classOfRow, classCount, stratumOfGroup);
        }

        var order = new int[groupCount];
        for (int g = 0; g < groupCount; g++) order[g] = g;
        new NumpyGenerator(seed).Shuffle(order.AsSpan());

        // target and assigned row counts per (stratum, part)
        var target = new double[strata * 3];
        var assigned = new long[strata * 3];
        ReadOnlySpan<double> fractions = [trainFraction, evalFraction, testFraction];
        double fractionSum = trainFraction + evalFraction + testFraction;
        var stratumRows = new long[strata];
        for (int g = 0; g < groupCount; g++) stratumRows[stratumOfGroup[g]] += groupSize[g];
        for (int s = 0; s < strata; s++)
            for (int p = 0; p < 3; p++)
                target[s * 3 + p] = stratumRows[s] * fractions[p] / fractionSum;

        var partOfGroup = new byte[groupCount];
        foreach (int g in order)
        {
            int s = stratumOfGroup[g];
            int best = 0;
            double bestDeficit = double.NegativeInfinity;
            for (int p = 0; p < 3; p++)
            {
                if (fractions[p] == 0) continue;
                double deficit = (target[s * 3 + p] - assigned[s * 3 + p]) / target[s * 3 + p];
                if (deficit > bestDeficit) { bestDeficit = deficit; best = p; }
            }
            partOfGroup[g] = (byte)best;
            assigned[s * 3 + best] += groupSize[g];
        }

        Span<int> counts = stackalloc int[3];
        foreach (int g in groupOfRow) counts[partOfGroup[g]]++;
        int[] train = new int[counts[0]], eval = new int[counts[1]], test = new int[counts[2]];
        counts.Clear();
        for (int row = 0; row < groupOfRow.Length; row++)
        {
            int p = partOfGroup[groupOfRow[row]];
            var part = p == 0 ? train : p == 1 ? eval : test;
            part[counts[p]++] = row;
        }
        return new SplitResult(classOfRow.IsEmpty ? $"{Name}-seed{seed}" : $"{Name}-stratified-seed{seed}", train, eval, test);
    }

    private static void MajorityClass(ReadOnlySpan<int> groupOfRow, ReadOnlySpan<int> classOfRow, int classCount, Span<int> majority)
    {
        var votes = new int[majority.Length * classCount];
        for (int row = 0; row < groupOfRow.Length; row++)
        {
            int c = classOfRow[row];
            if ((uint)c >= (uint)classCount)
                throw new ArgumentOutOfRangeException(nameof(classOfRow), c, $"Row {row} has class {c}, outside 0..{classCount - 1}.");
            votes[groupOfRow[row] * classCount + c]++;
        }
        for (int g = 0; g < majority.Length; g++)
        {
            var v = votes.AsSpan(g * classCount, classCount);
            int best = 0;
            for (int c = 1; c < classCount; c++) if (v[c] > v[best]) best = c;
            majority[g] = best;
        }
    }

    private static void ValidateFractions(double train, double eval, double test)
    {
        if (!(train >= 0 && eval >= 0 && test >= 0) || train + eval + test <= 0)
            throw new ArgumentOutOfRangeException(nameof(train), $"Split fractions must be non-negative and not all zero (got {train}/{eval}/{test}).");
    }
}
