using Aderencia.Domain;
using Aderencia.Features;

namespace Aderencia.Models;

/// <summary>How one weight encoding changes a model's file size and its predictions on validation rows.</summary>
/// <param name="Agreement">Share of rows whose level equals the float32 model's.</param>
/// <param name="MaxProbabilityChange">Largest |p − p_float32| over all rows and classes.</param>
public sealed record QuantizationRow(SectionEncoding Encoding, long FileBytes, double Accuracy, double MacroF1, double Agreement, double MaxProbabilityChange);

public static class QuantizationReport
{
    /// <summary>Saves the model with each weight encoding, reads it back and compares predictions with float32.</summary>
    public static IReadOnlyList<QuantizationRow> Compare(ILevelClassifier model, SparseMatrix x, ReadOnlySpan<AdherenceLevel> y, int threads = 2)
    {
        if (x.RowCount != y.Length) throw new ArgumentException($"{x.RowCount} rows but {y.Length} labels");
        var rows = new List<QuantizationRow>(3);
        Predictions? reference = null;
        foreach (var encoding in new[] { SectionEncoding.Float32, SectionEncoding.Float16, SectionEncoding.Int8 })
        {
            var bytes = ModelFile.ToBytes(model, null, encoding);
            var loaded = ModelFile.FromBytes(bytes, $"<{encoding} copy>").Classifier;
            var p = loaded.Predict(x, threads);
            reference ??= p;
            int agree = 0;
            float maxChange = 0;
            for (int r = 0; r < p.Levels.Length; r++) if (p.Levels[r] == reference.Levels[r]) agree++;
            for (int i = 0; i < p.Probabilities.Length; i++) maxChange = MathF.Max(maxChange, MathF.Abs(p.Probabilities[i] - reference.Probabilities[i]));
            rows.Add(new QuantizationRow(encoding, bytes.Length, LevelMetrics.Accuracy(y, p.Levels), LevelMetrics.MacroF1(y, p.Levels),
                p.Levels.Length == 0 ? double.NaN : (double)agree / p.Levels.Length, maxChange));
        }
        return rows;
    }
}
