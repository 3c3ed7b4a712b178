using Aderencia.Domain;

namespace Aderencia.Evaluation;

/// <summary>Counts of (true class, predicted class): rows are the truth, columns the prediction, as in scikit-learn.</summary>
public sealed class ConfusionMatrix
{
    private readonly int[] _counts;

    public ConfusionMatrix(int classes)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "a confusion matrix needs at least 2 classes");
        Classes = classes;
        _counts = new int[classes * classes];
    }

    public int Classes { get; }

    public int this[int truth, int predicted] => _counts[Index(truth, predicted)];

    /// <summary>The counts row by row (truth-major), k×k values.</summary>
    public ReadOnlySpan<int> Counts => _counts;

    public int Total { get; private set; }

    public int Correct
    {
        get
        {
            int sum = 0;
            for (int c = 0; c < Classes; c++) sum += _counts[c * Classes + c];
            return sum;
        }
    }

    /// <summary>Share of rows on the diagonal; 0 for an empty matrix.</summary>
    public double Accuracy => Total == 0 ? 0.0 : (double)Correct / Total;

    public void Add(int truth, int predicted, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _counts[Index(truth, predicted)] += count;
        Total += count;
    }

    /// <summary>Rows whose truth is <paramref name="c"/> (the class's support).</summary>
    public int TrueCount(int c)
    {
        CheckClass(c);
        int sum = 0;
        for (int p = 0; p < Classes; p++) sum += _counts[c * Classes + p];
        return sum;
    }

    /// <summary>Rows predicted as <paramref name="c"/>.</summary>
    public int PredictedCount(int c)
    {
        CheckClass(c);
        int sum = 0;
        for (int t = 0; t < Classes; t++) sum += _counts[t * Classes + c];
        return sum;
    }

    public static ConfusionMatrix From(ReadOnlySpan<AdherenceLevel> truth, ReadOnlySpan<AdherenceLevel> predicted)
    {
        CheckLengths(truth.Length, predicted.Length);
        var m = new ConfusionMatrix(AdherenceLevels.Count);
        for (int i = 0; i < truth.Length; i++) m.Add((int)truth[i], (int)predicted[i]);
        return m;
    }

    public static ConfusionMatrix From(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classes)
    {
        CheckLengths(truth.Length, predicted.Length);
        var m = new ConfusionMatrix(classes);
        for (int i = 0; i < truth.Length; i++) m.Add(truth[i], predicted[i]);
        return m;
    }

    /// <summary>Rebuilds a matrix from rows of counts (the JSON form).</summary>
    public static ConfusionMatrix FromRows(IReadOnlyList<IReadOnlyList<int>> rows)
    {
        var m = new ConfusionMatrix(rows.Count);
        for (int t = 0; t < rows.Count; t++)
        {
            if (rows[t].Count != rows.Count)
                throw new ArgumentException($"confusion row {t} has {rows[t].Count} counts; a {rows.Count}×{rows.Count} matrix needs {rows.Count}", nameof(rows));
            for (int p = 0; p < rows.Count; p++) m.Add(t, p, rows[t][p]);
        }
        return m;
    }

    /// <summary>Merges classes: old class c goes to <paramref name="map"/>[c], giving a <paramref name="classes"/>×<paramref name="classes"/> matrix.</summary>
    public ConfusionMatrix Collapse(ReadOnlySpan<int> map, int classes)
    {
        if (map.Length != Classes) throw new ArgumentException($"the map has {map.Length} entries for {Classes} classes", nameof(map));
        var m = new ConfusionMatrix(classes);
        for (int t = 0; t < Classes; t++)
            for (int p = 0; p < Classes; p++)
                m.Add(map[t], map[p], _counts[t * Classes + p]);
        return m;
    }

    public int[][] ToRows()
    {
        var rows = new int[Classes][];
        for (int t = 0; t < Classes; t++) rows[t] = _counts.AsSpan(t * Classes, Classes).ToArray();
        return rows;
    }

    private int Index(int truth, int predicted)
    {
        CheckClass(truth);
        CheckClass(predicted);
        return truth * Classes + predicted;
    }

    private void CheckClass(int c)
    {
        if ((uint)c >= (uint)Classes) throw new ArgumentOutOfRangeException(nameof(c), c, $"class index must be in [0, {Classes})");
    }

    private static void CheckLengths(int truth, int predicted)
    {
        if (truth != predicted) throw new ArgumentException($"{truth} true levels but {predicted} predicted levels; give one prediction per row");
    }
}
