using Aderencia.Models;

namespace Aderencia.Pipeline;

/// <summary>The models `aderencia compare` runs when no --config is given: the one place that list lives.</summary>
public static class CompareDefaults
{
    /// <summary>
    /// The default logistic model and its cheaper variants, the ordinal learner, then every other registered learner
    /// type with its defaults (so learners added to <see cref="ModelRegistry"/> join the comparison by themselves).
    /// </summary>
    public static IReadOnlyList<CompareModelConfig> Models()
    {
        var defaults = new TrainOptions();
        var list = new List<CompareModelConfig>
        {
            new("logistic", defaults),
            new("ordinal", defaults with { Type = OrdinalLogistic.TypeName }),
            new("logistic, no theme×abstract terms", defaults with { Features = defaults.Features with { ThemeAbstractTerms = false } }),
            new("logistic, hash-bits 16", defaults with { Features = defaults.Features with { HashBits = 16 } }),
            new("logistic, stored int8", defaults, SectionEncoding.Int8),
        };
        foreach (var type in ModelRegistry.Types)
            if (!list.Any(m => m.Options.Type == type))
                list.Add(new CompareModelConfig(type, defaults with { Type = type }));
        return list;
    }
}
