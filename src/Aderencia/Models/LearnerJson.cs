using System.Text.Json.Nodes;

namespace Aderencia.Models;

internal static class LearnerJson
{
    /// <summary>The hyper-parameters worth recording in a model file.</summary>
    public static JsonObject Options(FitOptions o) => new()
    {
        ["c"] = o.C,
        ["class_weights"] = o.ClassWeights.ToString().ToLowerInvariant(),
        ["max_iterations"] = o.MaxIterations,
        ["tolerance"] = o.Tolerance,
        ["memory"] = o.Memory,
        ["seed"] = o.Seed,
    };
}
