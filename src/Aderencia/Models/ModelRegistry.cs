using System.Collections.Concurrent;
using Aderencia.Models.Neural;
using Aderencia.Models.Trees;
using Aderencia.Models.Ensemble;
using Aderencia.Models.Graph;

namespace Aderencia.Models;

/// <summary>Maps the learner type written in a model file to the code that reads it back.</summary>
public static class ModelRegistry
{
    private static readonly ConcurrentDictionary<string, Func<ModelReader, ILevelClassifier>> Loaders = new(StringComparer.Ordinal)
    {
        [LogisticRegression.TypeName] = LogisticRegression.Load,
        [OrdinalLogistic.TypeName] = OrdinalLogistic.Load,
        [NeuralClassifier.TypeName] = NeuralClassifier.Load,
        [GradientBoostedTrees.TypeName] = GradientBoostedTrees.Load,
        [KnnClassifier.TypeName] = KnnClassifier.Load,
        [EnsembleClassifier.TypeName] = EnsembleClassifier.Load,
    };

    public static IEnumerable<string> Types => Loaders.Keys.Order(StringComparer.Ordinal);

    public static void Register(string type, Func<ModelReader, ILevelClassifier> load) => Loaders[type] = load;

    /// <summary>A fresh, untrained learner of a built-in type.</summary>
    public static ILevelClassifier Create(string type) => type switch
    {
        LogisticRegression.TypeName => new LogisticRegression(),
        OrdinalLogistic.TypeName => new OrdinalLogistic(),
        NeuralClassifier.TypeName => new NeuralClassifier(),
        GradientBoostedTrees.TypeName => new GradientBoostedTrees(),
        KnnClassifier.TypeName => new KnnClassifier(),
        EnsembleClassifier.TypeName => new EnsembleClassifier(),
        _ => throw new ArgumentException($"unknown learner '{type}'; choose one of: {string.Join(", ", Types)}"),
    };

    internal static ILevelClassifier Load(string type, ModelReader reader) =>
        Loaders.TryGetValue(type, out var load) ? load(reader)
        : throw new ModelFormatException(reader.Path, $"model file {reader.Path} uses learner '{type}', which this program does not know; upgrade aderencia");
}
