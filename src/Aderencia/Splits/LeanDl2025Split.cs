namespace Aderencia.Splits;

/// <summary>The official LeanDL-HPC 2025 split: on the labeled rows (null labels dropped, order kept),
/// <c>train_test_split(test_size=0.2, seed)</c>, then the same call with test_size=0.5 on the 20% part,
/// whose "train" half is eval and whose "test" half is test.</summary>
public static class LeanDl2025Split
{
    public const ulong OfficialSeed = 42;
    public const string Name = "leandl2025";

    /// <summary>The split of <paramref name="labeledRowCount"/> rows, as positions 0..n-1 among the labeled
    /// rows; each part in the order the organizers' code yields it. n = 42,026 gives 33,620 / 4,203 / 4,203.</summary>
    public static SplitResult Create(int labeledRowCount, ulong seed = OfficialSeed)
    {
        var (train, heldOut) = HfTrainTestSplit.Split(labeledRowCount, 0.2, seed);
        var (evalPos, testPos) = HfTrainTestSplit.Split(heldOut.Length, 0.5, seed);
        var eval = new int[evalPos.Length];
        for (int i = 0; i < eval.Length; i++) eval[i] = heldOut[evalPos[i]];
        var test = new int[testPos.Length];
        for (int i = 0; i < test.Length; i++) test[i] = heldOut[testPos[i]];
        return new SplitResult(seed == OfficialSeed ? Name : $"{Name}-seed{seed}", train, eval, test);
    }

    /// <summary>The split as rows of the full table: rows whose label is null are dropped first and belong
    /// to no part.</summary>
    public static SplitResult CreateForRows(ReadOnlySpan<bool> labelIsNull, ulong seed = OfficialSeed)
    {
        var kept = LabeledRows(labelIsNull);
        return Create(kept.Length, seed).MapThrough(kept);
    }

    /// <summary>Original row positions of the rows that have a label, in table order: entry i is the
    /// original row of labeled position i.</summary>
    public static int[] LabeledRows(ReadOnlySpan<bool> labelIsNull)
    {
        int count = 0;
        foreach (bool isNull in labelIsNull) if (!isNull) count++;
        var kept = new int[count];
        for (int row = 0, k = 0; row < labelIsNull.Length; row++)
            if (!labelIsNull[row]) kept[k++] = row;
        return kept;
    }

    /// <summary><see cref="LabeledRows(ReadOnlySpan{bool})"/> for a label column. Only a true null drops a
    /// row, as pandas <c>dropna</c> does; an empty string is a (bad) label, not a missing one.</summary>
    public static int[] LabeledRows(Data.Column labels)
    {
        var isNull = new bool[labels.Length];
        for (int row = 0; row < isNull.Length; row++)
            isNull[row] = labels[row] is null;
        return LabeledRows(isNull);
    }
}
