namespace Aderencia.Models.Neural;

/// <summary>Non-linearity of the optional hidden layer.</summary>
public enum HiddenActivation
{
    Relu,
    Tanh,
}

/// <summary>How the bag of column embeddings is scaled by the row's active-column count n.</summary>
public enum BagNorm
{
    /// <summary>Divide by n, as fastText averages its words.</summary>
    Mean,

    /// <summary>Divide by √n: long rows weigh more, but sublinearly.</summary>
    Sqrt,
}

/// <summary>The neural learner's hyper-parameters, read from <see cref="FitOptions.Parameters"/> (documented in docs/models.md).</summary>
public sealed record NeuralSettings
{
    public static readonly string[] Keys = ["dim", "epochs", "lr", "hidden", "activation", "buckets", "hogwild", "threads", "patience", "norm"];

    public int Dim { get; init; } = 16;
    public int Epochs { get; init; } = 30;
    public double LearningRate { get; init; } = 0.6;
    public int Hidden { get; init; }
    public HiddenActivation Activation { get; init; } = HiddenActivation.Relu;

    /// <summary>Embedding table size; columns fold modulo it. 0 = one row per column.</summary>
    public int Buckets { get; init; }

    /// <summary>Lock-free parallel SGD on <see cref="Threads"/> threads; off = single-threaded and reproducible.</summary>
    public bool Hogwild { get; init; }
    public int Threads { get; init; } = 2;

    /// <summary>Epochs without a better validation loss before stopping.</summary>
    public int Patience { get; init; } = 5;

    public BagNorm Norm { get; init; } = BagNorm.Mean;

    public static NeuralSettings From(FitOptions options)
    {
        var p = options.Parameters;
        p.EnsureOnly(NeuralClassifier.TypeName, Keys);
        var s = new NeuralSettings();
        s = s with
        {
            Dim = p.GetInt("dim", s.Dim),
            Epochs = p.GetInt("epochs", s.Epochs),
            LearningRate = p.GetDouble("lr", s.LearningRate),
            Hidden = p.GetInt("hidden", s.Hidden),
            Activation = p.GetString("activation", "relu").ToLowerInvariant() switch
            {
                "relu" => HiddenActivation.Relu,
                "tanh" => HiddenActivation.Tanh,
                var a => throw new ArgumentException($"learner parameter activation={a} is not one of: relu, tanh"),
            },
            Norm = p.GetString("norm", "mean").ToLowerInvariant() switch
            {
                "mean" => BagNorm.Mean,
                "sqrt" => BagNorm.Sqrt,
                var n => throw new ArgumentException($"learner parameter norm={n} is not one of: mean, sqrt"),
            },
            Buckets = p.GetInt("buckets", s.Buckets),
            Hogwild = p.GetBool("hogwild", s.Hogwild),
            Threads = p.GetInt("threads", options.Threads),
            Patience = p.GetInt("patience", s.Patience),
        };
        Check(s.Dim is >= 1 and <= 1024, "dim", s.Dim, "between 1 and 1024");
        Check(s.Epochs >= 1, "epochs", s.Epochs, "at least 1");
        Check(s.LearningRate > 0 && double.IsFinite(s.LearningRate), "lr", s.LearningRate, "a positive number");
        Check(s.Hidden is >= 0 and <= 1024, "hidden", s.Hidden, "between 0 (no hidden layer) and 1024");
        Check(s.Buckets >= 0, "buckets", s.Buckets, "0 (no folding) or a positive table size");
        Check(s.Threads >= 1, "threads", s.Threads, "at least 1");
        Check(s.Patience >= 1, "patience", s.Patience, "at least 1");
        return s;
    }

    private static void Check(bool ok, string key, object value, string need)
    {
        if (!ok) throw new ArgumentException($"learner parameter {key}={value} must be {need}");
    }
}
