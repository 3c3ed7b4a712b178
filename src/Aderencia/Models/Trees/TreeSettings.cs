using Aderencia.Features;

namespace Aderencia.Models.Trees;

/// <summary>The boosted-trees learner's hyper-parameters, read from <see cref="FitOptions.Parameters"/> (documented in docs/models.md).</summary>
public sealed record TreeSettings
{
    public static readonly string[] Keys =
        ["n_estimators", "learning_rate", "max_depth", "min_samples_leaf", "l2", "subsample", "max_bins", "patience", "threads", "features"];

    /// <summary>Boosting rounds (each grows one tree per level).</summary>
    public int Rounds { get; init; } = 300;
    public double LearningRate { get; init; } = 0.05;
    public int MaxDepth { get; init; } = 3;
    public int MinSamplesLeaf { get; init; } = 40;
    public double L2 { get; init; } = 1.0;
    public double Subsample { get; init; } = 0.8;
    public int MaxBins { get; init; } = 255;

    /// <summary>Rounds without a better validation loss before stopping.</summary>
    public int Patience { get; init; } = 30;
    public int Threads { get; init; } = 2;

    /// <summary>How many leading columns the trees read (the featurizer's dense block).</summary>
    public int Features { get; init; } = PairFeaturizer.DenseCount;

    public static TreeSettings From(FitOptions options)
    {
        var p = options.Parameters;
        p.EnsureOnly(GradientBoostedTrees.TypeName, Keys);
        var s = new TreeSettings();
        s = s with
        {
            Rounds = p.GetInt("n_estimators", s.Rounds),
            LearningRate = p.GetDouble("learning_rate", s.LearningRate),
            MaxDepth = p.GetInt("max_depth", s.MaxDepth),
            MinSamplesLeaf = p.GetInt("min_samples_leaf", s.MinSamplesLeaf),
            L2 = p.GetDouble("l2", s.L2),
            Subsample = p.GetDouble("subsample", s.Subsample),
            MaxBins = p.GetInt("max_bins", s.MaxBins),
            Patience = p.GetInt("patience", s.Patience),
            Threads = p.GetInt("threads", options.Threads),
            Features = p.GetInt("features", s.Features),
        };
        Check(s.Rounds >= 1, "n_estimators", s.Rounds, "at least 1");
        Check(s.LearningRate > 0 && s.LearningRate <= 1, "learning_rate", s.LearningRate, "in (0, 1]");
        Check(s.MaxDepth is >= 1 and <= 16, "max_depth", s.MaxDepth, "between 1 and 16");
        Check(s.MinSamplesLeaf >= 1, "min_samples_leaf", s.MinSamplesLeaf, "at least 1");
        Check(s.L2 >= 0 && double.IsFinite(s.L2), "l2", s.L2, ">= 0");
        Check(s.Subsample > 0 && s.Subsample <= 1, "subsample", s.Subsample, "in (0, 1]");
        Check(s.MaxBins is >= 2 and <= 255, "max_bins", s.MaxBins, "between 2 and 255");
        Check(s.Patience >= 1, "patience", s.Patience, "at least 1");
        Check(s.Threads >= 1, "threads", s.Threads, "at least 1");
        Check(s.Features >= 1, "features", s.Features, "at least 1");
        return s;
    }

    private static void Check(bool ok, string key, object value, string need)
    {
        if (!ok) throw new ArgumentException($"learner parameter {key}={value} must be {need}");
    }
}
