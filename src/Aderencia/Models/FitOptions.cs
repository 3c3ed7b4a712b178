namespace Aderencia.Models;

/// <summary>How training rows are weighted by their class.</summary>
public enum ClassWeighting
{
    None,

    /// <summary>scikit-learn's "balanced": n_samples / (n_classes * count(class)).</summary>
    Balanced,
}

/// <summary>One optimizer iteration as reported to <see cref="FitOptions.Progress"/>.</summary>
/// <param name="ValidationLoss">Mean log-loss on the validation rows, or NaN when none were given.</param>
public readonly record struct FitProgress(int Iteration, double Loss, double GradientNorm, double RowsPerSecond, double ValidationLoss);

/// <summary>Training settings shared by every learner.</summary>
public sealed record FitOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>Inverse L2 strength as in scikit-learn: the objective is C·Σ wᵢ·lossᵢ + ½‖w‖² (biases and thresholds unpenalized).</summary>
    public double C { get; init; } = 1.0;

    public ClassWeighting ClassWeights { get; init; } = ClassWeighting.None;

    public int MaxIterations { get; init; } = 200;

    /// <summary>Stop when the largest gradient component of the per-row mean objective falls below this.</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>L-BFGS history length.</summary>
    public int Memory { get; init; } = 10;

    public int Threads { get; init; } = 2;

    public Action<FitProgress>? Progress { get; init; }

    /// <summary>Learner-specific hyper-parameters (e.g. "dim" = "32" for the neural learner); each learner documents its keys.</summary>
    public LearnerParameters Parameters { get; init; } = LearnerParameters.Empty;

    internal void Validate()
    {
        if (!(C > 0) || double.IsInfinity(C)) throw new ArgumentOutOfRangeException(nameof(C), C, "C must be a positive finite number");
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "need at least one iteration");
        if (!(Tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "tolerance must be >= 0");
        if (Memory < 1) throw new ArgumentOutOfRangeException(nameof(Memory), Memory, "L-BFGS memory must be >= 1");
        if (Threads < 1) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "threads must be >= 1");
    }
}
