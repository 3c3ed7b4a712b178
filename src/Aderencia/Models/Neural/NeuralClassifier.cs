using System.Diagnostics;
using System.Text.Json.Nodes;
using Aderencia.Domain;
using Aderencia.Features;

namespace Aderencia.Models.Neural;

/// <summary>
/// fastText-style classifier: an embedding bag over the row's active columns, an optional hidden layer and a
/// softmax over the three levels, trained by SGD with fastText's linearly decaying learning rate.
/// </summary>
public sealed class NeuralClassifier : ILevelClassifier
{
    public const string TypeName = "neural";
    private const int K = NeuralNetwork.K;

    private NeuralNetwork? _net;
    private NeuralSettings? _settings;

    public string Type => TypeName;
    public int ColumnCount { get; private set; }
    public float[] DecisionOffsets { get; set; } = new float[K];
    public FitSummary? LastFit { get; private set; }

    /// <summary>Training throughput of the last fit (rows per second over all epochs), 0 for a loaded model.</summary>
    public double RowsPerSecond { get; private set; }

    public ParameterCount ParameterCount => _net is null ? default : new ParameterCount(_net.Weights, _net.Weights);

    public void Fit(SparseMatrix x, ReadOnlySpan<AdherenceLevel> y, FitOptions options, SparseMatrix? xValid = null, AdherenceLevel[]? yValid = null)
    {
        options.Validate();
        var s = NeuralSettings.From(options);
        if (y.Length != x.RowCount) throw new ArgumentException($"{x.RowCount} rows but {y.Length} labels");
        if (x.RowCount == 0) throw new ArgumentException("no rows to train on");
        var clock = Stopwatch.StartNew();
        int table = s.Buckets > 0 ? Math.Min(s.Buckets, x.ColumnCount) : x.ColumnCount;
        var rng = new Random(options.Seed);
        var net = NewNetwork(x, s, table, rng);
        var labels = Labels(y);
        var classWeight = ClassWeights.Compute(y, options.ClassWeights).Select(w => (float)w).ToArray();
        var validation = xValid is not null && yValid is not null && xValid.RowCount > 0 ? new Validation(xValid, yValid, classWeight) : null;

        var order = Enumerable.Range(0, x.RowCount).ToArray();
        var best = validation is null ? null : net.Clone();
        double bestLoss = double.PositiveInfinity, trainLoss = 0;
        int bestEpoch = 0, epoch = 0, threads = s.Hogwild ? s.Threads : 1;
        long total = (long)s.Epochs * x.RowCount;
        string stop = "epochs";
        var scratch = Enumerable.Range(0, threads).Select(_ => new NeuralNetwork.Scratch(s.Dim, s.Hidden)).ToArray();
        while (epoch < s.Epochs)
        {
            Shuffle(order, rng);
            long done = (long)epoch * x.RowCount;
            trainLoss = RunEpoch(net, x, labels, classWeight, order, done, total, (float)s.LearningRate, scratch) / x.RowCount;
            epoch++;
            double vloss = validation?.Loss(net, scratch[0]) ?? double.NaN;
            options.Progress?.Invoke(new FitProgress(epoch, trainLoss, double.NaN, (double)epoch * x.RowCount / clock.Elapsed.TotalSeconds, vloss));
            if (validation is null) continue;
            if (vloss < bestLoss)
            {
                bestLoss = vloss;
                bestEpoch = epoch;
                best!.CopyFrom(net);
            }
            else if (epoch - bestEpoch >= s.Patience)
            {
                stop = $"no validation gain in {s.Patience} epochs";
                break;
            }
        }
        if (best is not null) net = best;
        double seconds = clock.Elapsed.TotalSeconds;
        RowsPerSecond = (double)epoch * x.RowCount / seconds;
        _net = net;
        _settings = s;
        ColumnCount = x.ColumnCount;
        string kept = best is null ? $"{epoch} epochs" : $"best epoch {bestEpoch} of {epoch} (validation loss {bestLoss:F4})";
        LastFit = new FitSummary(epoch, epoch, best is null ? trainLoss : bestLoss,
            $"{stop}; {kept}; {RowsPerSecond:N0} rows/s on {threads} thread(s)", seconds, net.Rows);
    }

    private static NeuralNetwork NewNetwork(SparseMatrix x, NeuralSettings s, int table, Random rng)
    {
        var rowOf = new int[table];
        rowOf.AsSpan().Fill(-1);
        int rows = 0;
        foreach (int c in x.Indices.AsSpan(0, (int)x.NonZeroCount))
        {
            ref int slot = ref rowOf[c % table];
            if (slot < 0) slot = rows++;
        }
        var net = new NeuralNetwork(s.Dim, s.Hidden, s.Activation, s.Norm, table, rowOf, rows);
        float e = 1f / s.Dim;
        for (int i = 0; i < net.Embeddings.Length; i++) net.Embeddings[i] = (float)(rng.NextDouble() * 2 - 1) * e;
        float g = MathF.Sqrt(6f / (s.Dim + Math.Max(1, s.Hidden)));
        for (int i = 0; i < net.W1.Length; i++) net.W1[i] = (float)(rng.NextDouble() * 2 - 1) * g;
        return net;
    }

    private static double RunEpoch(NeuralNetwork net, SparseMatrix x, int[] labels, float[] classWeight, int[] order,
        long done, long total, float lr0, NeuralNetwork.Scratch[] scratch)
    {
        int threads = scratch.Length;
        if (threads == 1) return RunSlice(net, x, labels, classWeight, order, 0, order.Length, 1, done, total, lr0, scratch[0]);
        var losses = new double[threads];
        int per = (order.Length + threads - 1) / threads;
        // Hogwild: the threads update the shared weights without locks, each on its own slice of the shuffled rows.
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            int from = Math.Min(order.Length, t * per), to = Math.Min(order.Length, from + per);
            losses[t] = RunSlice(net, x, labels, classWeight, order, from, to, threads, done, total, lr0, scratch[t]);
        });
        return losses.Sum();
    }

    private static double RunSlice(NeuralNetwork net, SparseMatrix x, int[] labels, float[] classWeight, int[] order,
        int from, int to, int threads, long done, long total, float lr0, NeuralNetwork.Scratch scratch)
    {
        double loss = 0;
        for (int i = from; i < to; i++)
        {
            int r = order[i];
            long progress = done + (long)(i - from) * threads;
            float lr = lr0 * (1f - (float)progress / total);
            int label = labels[r];
            loss += net.Step(x.RowIndices(r), x.RowValues(r), label, classWeight[label], lr, scratch);
        }
        return loss;
    }

    private static int[] Labels(ReadOnlySpan<AdherenceLevel> y)
    {
        var labels = new int[y.Length];
        for (int i = 0; i < y.Length; i++) labels[i] = (int)y[i];
        return labels;
    }

    private static void Shuffle(int[] order, Random rng)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    public void PredictProba(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probs3)
    {
        var net = Trained();
        CheckColumns(indices);
        Span<float> h = stackalloc float[net.Dim];
        Span<float> pre = stackalloc float[Math.Max(1, net.Hidden)];
        Span<float> act = stackalloc float[Math.Max(1, net.Hidden)];
        Span<float> logits = stackalloc float[K];
        net.Embed(indices, values, h);
        net.Forward(h, pre, act, logits);
        NeuralNetwork.Softmax(logits, probs3);
    }

    /// <summary>
    /// Each active column's share of the class logit, centred on the mean logit: (vⱼ/n)·E[cⱼ]·(g_cls − mean g) with
    /// g_k = ∂logit_k/∂h. Exact without a hidden layer; gradient × input with one.
    /// </summary>
    public void Contributions(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, int cls, Span<float> contrib)
    {
        if ((uint)cls >= K) throw new ArgumentOutOfRangeException(nameof(cls), cls, "class must be 0, 1 or 2");
        var net = Trained();
        CheckColumns(indices);
        var s = new NeuralNetwork.Scratch(net.Dim, net.Hidden);
        net.Embed(indices, values, s.H);
        net.Forward(s.H, s.Pre, s.Act, s.Logits);
        var grad = new float[K * net.Dim];
        net.LogitGradients(s, grad);
        var g = new float[net.Dim];
        for (int d = 0; d < net.Dim; d++)
            g[d] = grad[cls * net.Dim + d] - (grad[d] + grad[net.Dim + d] + grad[2 * net.Dim + d]) / K;
        float inv = net.Scale(indices.Length);
        for (int j = 0; j < indices.Length; j++)
        {
            int r = net.RowFor(indices[j]);
            contrib[j] = r < 0 ? 0f : values[j] * inv * System.Numerics.Tensors.TensorPrimitives.Dot(net.Embeddings.AsSpan(r * net.Dim, net.Dim), g);
        }
    }

    public void Save(ModelWriter writer)
    {
        var net = Trained();
        writer.Learner["columns"] = ColumnCount;
        writer.Learner["dim"] = net.Dim;
        writer.Learner["hidden"] = net.Hidden;
        writer.Learner["activation"] = net.Activation.ToString().ToLowerInvariant();
        writer.Learner["norm"] = net.Norm.ToString().ToLowerInvariant();
        writer.Learner["table"] = net.Table;
        if (_settings is { } s)
            writer.Learner["options"] = new JsonObject
            {
                ["epochs"] = s.Epochs, ["lr"] = s.LearningRate, ["buckets"] = s.Buckets, ["hogwild"] = s.Hogwild,
                ["threads"] = s.Threads, ["patience"] = s.Patience,
            };
        // Embeddings are written per table slot so unused slots cost nothing in the sparse layout.
        var full = new float[(long)net.Table * net.Dim];
        for (int slot = 0; slot < net.Table; slot++)
        {
            int r = net.RowOf[slot];
            if (r >= 0) net.Embeddings.AsSpan(r * net.Dim, net.Dim).CopyTo(full.AsSpan(slot * net.Dim));
        }
        writer.AddSection("embeddings", full, stride: net.Dim, writer.WeightEncoding);
        writer.AddSection("w1", net.W1, encoding: writer.WeightEncoding);
        writer.AddSection("b1", net.B1);
        writer.AddSection("w2", net.W2);
        writer.AddSection("b2", net.B2);
    }

    public static NeuralClassifier Load(ModelReader reader)
    {
        int columns = reader.LearnerInt("columns"), dim = reader.LearnerInt("dim"), hidden = reader.LearnerInt("hidden"), table = reader.LearnerInt("table");
        if (dim < 1 || hidden < 0 || table < 1 || table > columns) throw reader.Damaged("impossible network shape");
        var activation = reader.Learner["activation"]?.GetValue<string>() switch
        {
            "relu" => HiddenActivation.Relu,
            "tanh" => HiddenActivation.Tanh,
            _ => throw reader.Damaged("unknown activation"),
        };
        var norm = reader.Learner["norm"]?.GetValue<string>() switch
        {
            "mean" => BagNorm.Mean,
            "sqrt" => BagNorm.Sqrt,
            _ => throw reader.Damaged("unknown bag norm"),
        };
        var full = reader.ReadSection("embeddings", (long)table * dim);
        var rowOf = new int[table];
        int rows = 0;
        for (int slot = 0; slot < table; slot++)
            rowOf[slot] = full.AsSpan(slot * dim, dim).ContainsAnyExcept(0f) ? rows++ : -1;
        var embeddings = new float[(long)rows * dim];
        for (int slot = 0; slot < table; slot++)
            if (rowOf[slot] >= 0) full.AsSpan(slot * dim, dim).CopyTo(embeddings.AsSpan(rowOf[slot] * dim));
        int outWidth = hidden > 0 ? hidden : dim;
        var net = new NeuralNetwork(dim, hidden, activation, norm, table, rowOf, 0);
        net.Set(embeddings, reader.ReadSection("w1", (long)hidden * dim), reader.ReadSection("b1", hidden),
            reader.ReadSection("w2", (long)K * outWidth), reader.ReadSection("b2", K));
        return new NeuralClassifier { ColumnCount = columns, _net = net };
    }

    private NeuralNetwork Trained() => _net ?? throw new InvalidOperationException("the neural learner has not been trained or loaded");

    private void CheckColumns(ReadOnlySpan<int> indices)
    {
        foreach (int c in indices)
            if ((uint)c >= (uint)ColumnCount) throw LogisticRegression.FeatureOutOfRange(c, ColumnCount);
    }

    /// <summary>Class-weighted mean log-loss on the validation rows, the early-stopping criterion.</summary>
    private sealed class Validation(SparseMatrix x, AdherenceLevel[] y, float[] classWeight)
    {
        public double Loss(NeuralNetwork net, NeuralNetwork.Scratch s)
        {
            Span<float> p = stackalloc float[K];
            double loss = 0, weight = 0;
            for (int r = 0; r < x.RowCount; r++)
            {
                net.Predict(x.RowIndices(r), x.RowValues(r), p, s);
                int label = (int)y[r];
                loss -= classWeight[label] * Math.Log(Math.Max(p[label], 1e-30f));
                weight += classWeight[label];
            }
            return weight > 0 ? loss / weight : double.NaN;
        }
    }
}
