using Aderencia.Features;
using Aderencia.Models;

namespace Aderencia.Pipeline;

/// <summary>Everything that decides a trained model; the defaults are what `aderencia train` uses.</summary>
public sealed record TrainOptions
{
    /// <summary>Learner type: logistic (multinomial) or ordinal (cumulative logits).</summary>
    public string Type { get; init; } = LogisticRegression.TypeName;

    public double C { get; init; } = 0.5;
    public ClassWeighting ClassWeights { get; init; } = ClassWeighting.Balanced;
    public int MaxIterations { get; init; } = 300;

    /// <summary>Tune per-level decision offsets on the validation part to maximise macro-F1.</summary>
    public bool TuneThresholds { get; init; } = true;

    public int Seed { get; init; } = 42;
    public int Threads { get; init; } = 2;
    public FeaturizerOptions Features { get; init; } = new();

    /// <summary>Learner-specific hyper-parameters, passed to the learner as <see cref="FitOptions.Parameters"/>.</summary>
    public LearnerParameters Parameters { get; init; } = LearnerParameters.Empty;

    /// <summary>The learner's share of these options.</summary>
    public FitOptions ToFitOptions(Action<FitProgress>? progress = null) => new()
    {
        C = C,
        ClassWeights = ClassWeights,
        MaxIterations = MaxIterations,
        Seed = Seed,
        Threads = Threads,
        Progress = progress,
        Parameters = Parameters,
    };
}
