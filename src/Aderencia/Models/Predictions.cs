using Aderencia.Domain;
using Aderencia.Features;

namespace Aderencia.Models;

/// <summary>Levels and probabilities for every row of a matrix; <see cref="Probabilities"/> is [row·3 + class].</summary>
public sealed record Predictions(AdherenceLevel[] Levels, float[] Probabilities)
{
    public ReadOnlySpan<float> Row(int row) => Probabilities.AsSpan(row * 3, 3);
}

public static class LevelClassifierExtensions
{
    private const int Block = 512;

    /// <summary>Scores all rows in parallel. With <paramref name="applyOffsets"/> the level is arg-max(log p + DecisionOffsets).</summary>
    /// <param name="afterRow">Called on the scoring thread right after each row is decided, while its weights are still in cache (e.g. to explain it).</param>
    public static Predictions Predict(this ILevelClassifier model, SparseMatrix x, int threads = 2, bool applyOffsets = true,
        Action<int, AdherenceLevel>? afterRow = null)
    {
        if (x.ColumnCount > model.ColumnCount)
            throw new ArgumentException($"rows have {x.ColumnCount} feature columns but the model was trained on {model.ColumnCount}; use the featurizer settings stored with the model");
        var probs = new float[x.RowCount * 3];
        var levels = new AdherenceLevel[x.RowCount];
        var offsets = applyOffsets ? model.DecisionOffsets : new float[3];
        int blocks = (x.RowCount + Block - 1) / Block;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, b =>
        {
            int end = Math.Min(x.RowCount, (b + 1) * Block);
            for (int r = b * Block; r < end; r++)
            {
                var p = probs.AsSpan(r * 3, 3);
                model.PredictProba(x.RowIndices(r), x.RowValues(r), p);
                levels[r] = Decide(p, offsets);
                afterRow?.Invoke(r, levels[r]);
            }
        });
        return new Predictions(levels, probs);
    }

    /// <summary>arg-max over classes of log p_k + offset_k; ties go to the lower class.</summary>
    public static AdherenceLevel Decide(ReadOnlySpan<float> probs3, ReadOnlySpan<float> offsets)
    {
        int best = 0;
        float bestScore = float.NegativeInfinity;
        for (int k = 0; k < 3; k++)
        {
            float s = MathF.Log(MathF.Max(probs3[k], 1e-30f)) + offsets[k];
            if (s > bestScore) { bestScore = s; best = k; }
        }
        return (AdherenceLevel)best;
    }
}
