namespace Aderencia.Evaluation;

public sealed record EvaluationOptions
{
    public int BootstrapResamples { get; init; } = Bootstrap.DefaultResamples;
    public double Confidence { get; init; } = Bootstrap.DefaultConfidence;
    public ulong Seed { get; init; } = Bootstrap.DefaultSeed;
    /// <summary>Threads for the bootstrap; the result is the same for any value.</summary>
    public int Threads { get; init; } = 2;
    public int WorstConfusionCells { get; init; } = 3;
    public int ExamplesPerConfusion { get; init; } = 3;
}
