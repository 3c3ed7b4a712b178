using Aderencia.Evaluation;
using Aderencia.Models;

namespace Aderencia.Reports;

/// <summary>One model of a comparison: its test-part evaluation and what it cost to train, store and run.</summary>
public sealed record ComparedModel
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    /// <summary>Weight storage of the measured file: f32, f16 or int8.</summary>
    public required string Encoding { get; init; }
    public required EvaluationResult Evaluation { get; init; }
    public required double TrainSeconds { get; init; }
    /// <summary>Featurizing and scoring the whole test part.</summary>
    public required double InferenceSeconds { get; init; }
    public required int InferencePairs { get; init; }
    /// <summary>Highest process working set seen while this model trained or scored.</summary>
    public required long PeakMemoryBytes { get; init; }
    public required long FileBytes { get; init; }
    public required ParameterCount Parameters { get; init; }
    public required double TrainEnergyKwh { get; init; }
    public required double InferenceEnergyKwh { get; init; }
    public required double Co2Kg { get; init; }
    /// <summary>Set when a model with the same training settings was fitted once and reused (e.g. int8 storage of the default).</summary>
    public string? SharedTrainingWith { get; init; }

    /// <summary>1 for the best macro-F1; filled by <see cref="Comparison.Rank"/>.</summary>
    public int Rank { get; init; }
    /// <summary>On the Pareto front of macro-F1 (higher) against energy (lower) among the compared models.</summary>
    public bool OnParetoFront { get; init; }

    public double EnergyKwh => TrainEnergyKwh + InferenceEnergyKwh;
    public double MacroF1 => Evaluation.MacroF1;
    public double SecondsPer100Pairs => InferencePairs == 0 ? double.NaN : InferenceSeconds * 100 / InferencePairs;
    public double SecondsPerPair => InferencePairs == 0 ? double.NaN : InferenceSeconds / InferencePairs;
    public double F1(string level) => Evaluation.PerClass.TryGetValue(level, out var s) ? s.F1 : double.NaN;
}
