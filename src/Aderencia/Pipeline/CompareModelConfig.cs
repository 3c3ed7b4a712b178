using Aderencia.Models;

namespace Aderencia.Pipeline;

/// <summary>One entry of a comparison: a display name, the training settings and the weight storage of its file.</summary>
public sealed record CompareModelConfig(string Name, TrainOptions Options, SectionEncoding Encoding = SectionEncoding.Float32)
{
    /// <summary>Equal for configs that would train the same model (they then share one fit).</summary>
    internal string TrainingKey =>
        $"{Options.Type}|{Options.C:R}|{Options.ClassWeights}|{Options.MaxIterations}|{Options.TuneThresholds}|{Options.Seed}|{Options.Features}|{Options.Parameters}";

    public static string EncodingName(SectionEncoding e) => e switch
    {
        SectionEncoding.Float16 => "f16",
        SectionEncoding.Int8 => "int8",
        _ => "f32",
    };
}
