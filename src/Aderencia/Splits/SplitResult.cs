namespace Aderencia.Splits;

/// <summary>Row positions of the train, eval and test parts of one split, each part in the order its
/// split yields it.</summary>
public sealed class SplitResult
{
    public SplitResult(string name, int[] train, int[] eval, int[] test)
    {
        Name = name;
        Train = train;
        Eval = eval;
        Test = test;
    }

    public string Name { get; }
    public int[] Train { get; }
    public int[] Eval { get; }
    public int[] Test { get; }

    public int Count => Train.Length + Eval.Length + Test.Length;

    /// <summary>The same split with every position p replaced by <paramref name="positions"/>[p], e.g. to go
    /// from positions in a filtered table back to rows of the table it was filtered from.</summary>
    public SplitResult MapThrough(ReadOnlySpan<int> positions) =>
        new(Name, Map(Train, positions), Map(Eval, positions), Map(Test, positions));

    /// <summary>Throws unless the three parts are disjoint and together cover 0..<paramref name="rowCount"/>-1.</summary>
    public void EnsurePartitionOf(int rowCount)
    {
        if (Count != rowCount)
            throw new InvalidOperationException($"Split '{Name}' has {Count} positions but the table has {rowCount} rows.");
        var seen = new bool[rowCount];
        foreach (var part in (ReadOnlySpan<int[]>)[Train, Eval, Test])
            foreach (int p in part)
            {
                if ((uint)p >= (uint)rowCount)
                    throw new InvalidOperationException($"Split '{Name}' holds position {p}, outside 0..{rowCount - 1}.");
                if (seen[p])
                    throw new InvalidOperationException($"Split '{Name}' holds position {p} twice.");
                seen[p] = true;
            }
    }

    private static int[] Map(int[] part, ReadOnlySpan<int> positions)
    {
        var mapped = new int[part.Length];
        for (int i = 0; i < part.Length; i++)
        {
            int p = part[i];
            if ((uint)p >= (uint)positions.Length)
                throw new ArgumentException($"Position {p} has no entry in a map of {positions.Length} positions.", nameof(positions));
            mapped[i] = positions[p];
        }
        return mapped;
    }
}
