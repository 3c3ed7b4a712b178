namespace Aderencia.Splits;

/// <summary>Hugging Face <c>datasets</c> <c>Dataset.train_test_split(test_size=float, seed=seed)</c> with
/// its defaults (shuffle on, train_size unset, no stratification), as positions into the dataset.</summary>
/// <remarks>datasets draws <c>np.random.default_rng(seed).permutation(n)</c>, takes
/// n_test = ceil(test_size·n) (in double arithmetic) and n_train = n − n_test; test is permutation[:n_test],
/// train is permutation[n_test:]. <c>select</c> keeps that permuted order.</remarks>
public static class HfTrainTestSplit
{
    public static (int[] Train, int[] Test) Split(int rowCount, double testSize, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (rowCount == 0) return ([], []);
        if (!(testSize > 0 && testSize < 1))
            throw new ArgumentOutOfRangeException(nameof(testSize), testSize, "test_size must be a fraction in (0, 1), as datasets requires.");
        var (trainCount, testCount) = Sizes(rowCount, testSize);
        if (trainCount == 0)
            throw new ArgumentException($"With {rowCount} rows and test_size={testSize} the train part would be empty (datasets raises here too).");
        var permutation = new NumpyGenerator(seed).Permutation(rowCount);
        return (permutation[testCount..], permutation[..testCount]);
    }

    /// <summary>The part sizes datasets computes: test = ceil(testSize·n), train = n − test.</summary>
    public static (int Train, int Test) Sizes(int rowCount, double testSize)
    {
        int test = (int)Math.Ceiling(testSize * rowCount);
        return (rowCount - test, test);
    }
}
