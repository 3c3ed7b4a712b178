using System.Diagnostics;
using System.Text.Json.Nodes;
using Aderencia.Domain;
using Aderencia.Features;

namespace Aderencia.Models.Graph;

/// <summary>
/// k nearest neighbours by cosine similarity over the hashed theme×term part of the pair rows (so, in effect, the
/// most similar theses graded against the same theme). Each stored row votes with its label vector (one-hot, or its
/// label-propagated soft label) weighted by similarity^power; the vote total v (v_c per class, V = Σ v_c) is
/// smoothed toward a prior π: p_c = (v_c + m·π_c) / (V + m). π is a multinomial logistic on the dense columns
/// (prior=logistic) or uniform (prior=uniform, i.e. Laplace smoothing). Keys: docs/models.md, "knn".
/// </summary>
public sealed class KnnClassifier : ILevelClassifier
{
    public const string TypeName = "knn";
    private const int K = 3;
    private const int MaxK = 1024;
    private static readonly string[] Keys = ["k", "power", "smoothing", "prior", "propagate", "alpha", "iterations", "first_column"];

    private NeighbourIndex? _index;
    private float[] _votes = [];
    private float[] _priorWeights = [];
    private float[] _priorBias = new float[K];
    private JsonObject _settings = new();

    public string Type => TypeName;
    public int ColumnCount { get; private set; }
    public float[] DecisionOffsets { get; set; } = new float[K];
    public FitSummary? LastFit { get; private set; }

    public int Neighbours { get; private set; } = 7;
    public float Power { get; private set; } = 1f;
    public float Smoothing { get; private set; } = 10f;
    public bool LogisticPrior { get; private set; } = true;

    /// <summary>First column of the searched (hashed) part; the columns before it feed the prior.</summary>
    public int FirstColumn => _index?.FirstColumn ?? 0;

    /// <summary>Per stored row: its vote for each class (class-weighted label or soft label), [row·3 + class].</summary>
    public ReadOnlySpan<float> Votes => _votes;

    public NeighbourIndex Index => _index ?? throw new InvalidOperationException("the knn learner is not trained");

    public ParameterCount ParameterCount
    {
        get
        {
            long prior = 0;
            foreach (float w in _priorWeights) if (w != 0) prior++;
            prior += LogisticPrior ? K : 0;
            long stored = (_index?.NonZeroCount ?? 0) * 2 + (_index?.RowCount ?? 0) + _votes.Length;
            return new ParameterCount(stored + prior, prior);
        }
    }

    public void Fit(SparseMatrix x, ReadOnlySpan<AdherenceLevel> y, FitOptions options, SparseMatrix? xValid = null, AdherenceLevel[]? yValid = null)
    {
        var p = options.Parameters;
        p.EnsureOnly(TypeName, Keys);
        if (x.RowCount != y.Length) throw new ArgumentException($"{x.RowCount} rows but {y.Length} labels");
        if (x.RowCount == 0) throw new ArgumentException("no training rows");
        var sw = Stopwatch.StartNew();
        int k = p.GetInt("k", 7);
        if (k is < 1 or > MaxK) throw new ArgumentException($"knn parameter k={k} must be 1..{MaxK}");
        float power = (float)p.GetDouble("power", 1);
        float smoothing = (float)p.GetDouble("smoothing", 10);
        if (!(power >= 0) || !(smoothing > 0)) throw new ArgumentException("knn parameters power must be >= 0 and smoothing > 0");
        string prior = p.GetString("prior", "logistic");
        if (prior is not ("logistic" or "uniform")) throw new ArgumentException($"knn parameter prior={prior} must be logistic or uniform");
        bool propagate = p.GetBool("propagate", false);
        double alpha = p.GetDouble("alpha", 0.5);
        int iterations = p.GetInt("iterations", 20);
        int first = p["first_column"] is null ? AutoFirstColumn(x.ColumnCount) : p.GetInt("first_column", 0);
        if (first < 0 || first >= x.ColumnCount) throw new ArgumentException($"knn parameter first_column={first} must be inside 0..{x.ColumnCount - 1}");
        int width = x.ColumnCount - first;
        if (width > 1 << 24) throw new ArgumentException($"knn stores column numbers as float32 and needs at most 2^24 searched columns, not {width}; train with --hash-bits 24 or fewer");

        var index = NeighbourIndex.Build(x, first, width);
        var cw = ClassWeights.Compute(y, options.ClassWeights);
        float[] soft;
        if (propagate)
        {
            var all = xValid is null ? x : Stack(x, xValid);
            var graph = KnnGraph.Build(xValid is null ? index : NeighbourIndex.Build(all, first, width), k, options.Threads);
            var labels = new int[all.RowCount];
            Array.Fill(labels, -1);
            for (int i = 0; i < y.Length; i++) labels[i] = (int)y[i];
            soft = LabelPropagation.Spread(graph, labels, alpha, iterations);
        }
        else
        {
            soft = new float[y.Length * K];
            for (int i = 0; i < y.Length; i++) soft[i * K + (int)y[i]] = 1;
        }
        var votes = new float[y.Length * K];
        for (int i = 0; i < y.Length; i++)
            for (int c = 0; c < K; c++) votes[i * K + c] = soft[i * K + c] * (float)cw[c];

        _priorWeights = new float[first * K];
        _priorBias = new float[K];
        FitSummary? priorFit = null;
        if (prior == "logistic" && first > 0)
        {
            var lr = new LogisticRegression();
            lr.Fit(Restrict(x, first), y, options with { Parameters = LearnerParameters.Empty }, xValid is null ? null : Restrict(xValid, first), yValid);
            lr.Weights[..(first * K)].CopyTo(_priorWeights);
            lr.Bias.CopyTo(_priorBias);
            priorFit = lr.LastFit;
        }
        _index = index;
        _votes = votes;
        ColumnCount = x.ColumnCount;
        Neighbours = k;
        Power = power;
        Smoothing = smoothing;
        LogisticPrior = prior == "logistic";
        _settings = new JsonObject { ["propagate"] = propagate, ["alpha"] = alpha, ["iterations"] = iterations };
        LastFit = new FitSummary(priorFit?.Iterations ?? 0, priorFit?.Evaluations ?? 0, priorFit?.Loss ?? double.NaN,
            propagate ? $"indexed, labels spread ({iterations} iterations)" : "indexed", sw.Elapsed.TotalSeconds, first + index.Width);
    }

    /// <summary>With the featurizer's layout (dense + bins, then 2^b hashed buckets), the first hashed column; otherwise 0.</summary>
    public static int AutoFirstColumn(int columnCount)
    {
        int hashed = 1 << (31 - int.LeadingZeroCount(columnCount));
        int rest = columnCount - hashed;
        return rest > 0 && rest % PairFeaturizer.DenseCount == 0 ? rest : 0;
    }

    public void PredictProba(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probs3)
    {
        var index = Index;
        Span<float> prior = stackalloc float[K];
        Prior(indices, values, prior);
        Span<int> rows = stackalloc int[Neighbours];
        Span<float> sims = stackalloc float[Neighbours];
        int found = index.Search(indices, values, rows, sims);
        float v0 = 0, v1 = 0, v2 = 0;
        for (int j = 0; j < found; j++)
        {
            float w = Weight(sims[j]);
            int at = rows[j] * K;
            v0 += w * _votes[at];
            v1 += w * _votes[at + 1];
            v2 += w * _votes[at + 2];
        }
        float m = Smoothing, inv = 1f / (v0 + v1 + v2 + m);
        probs3[0] = (v0 + m * prior[0]) * inv;
        probs3[1] = (v1 + m * prior[1]) * inv;
        probs3[2] = (v2 + m * prior[2]) * inv;
    }

    /// <summary>
    /// Searched columns: each neighbour's signed vote for the class (its vote minus the mean of its votes) split over the
    /// query's columns by their share of the dot product that made it a neighbour, over (V + m). Prior columns: their
    /// logit contribution to the class relative to the mean class, times the prior's share m / (V + m).
    /// </summary>
    public void Contributions(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, int cls, Span<float> contrib)
    {
        if ((uint)cls >= K) throw new ArgumentOutOfRangeException(nameof(cls), cls, "class must be 0, 1 or 2");
        var index = Index;
        CheckColumns(indices);
        contrib[..indices.Length].Clear();
        var rows = new int[Neighbours];
        var sims = new float[Neighbours];
        int found = index.Search(indices, values, rows, sims);
        float total = Smoothing;
        for (int j = 0; j < found; j++)
        {
            int at = rows[j] * K;
            total += Weight(sims[j]) * (_votes[at] + _votes[at + 1] + _votes[at + 2]);
        }
        float inv = index.InverseNorm(indices, values);
        for (int j = 0; j < found; j++)
        {
            int at = rows[j] * K;
            float signed = _votes[at + cls] - (_votes[at] + _votes[at + 1] + _votes[at + 2]) / K;
            float scale = Weight(sims[j]) * signed / (sims[j] * total);
            for (int i = 0; i < indices.Length; i++)
            {
                int c = indices[i] - index.FirstColumn;
                if ((uint)c < (uint)index.Width) contrib[i] += scale * values[i] * inv * index.ValueAt(rows[j], c);
            }
        }
        if (!LogisticPrior) return;
        float share = Smoothing / total;
        for (int i = 0; i < indices.Length; i++)
        {
            int c = indices[i];
            if (c >= index.FirstColumn) continue;
            int at = c * K;
            float mean = (_priorWeights[at] + _priorWeights[at + 1] + _priorWeights[at + 2]) / K;
            contrib[i] = share * (_priorWeights[at + cls] - mean) * values[i];
        }
    }

    public void Save(ModelWriter writer)
    {
        var index = Index;
        writer.Learner["columns"] = ColumnCount;
        writer.Learner["first_column"] = index.FirstColumn;
        writer.Learner["rows"] = index.RowCount;
        writer.Learner["stored_values"] = index.NonZeroCount;
        writer.Learner["k"] = Neighbours;
        writer.Learner["power"] = Power;
        writer.Learner["smoothing"] = Smoothing;
        writer.Learner["prior"] = LogisticPrior ? "logistic" : "uniform";
        writer.Learner["fit"] = _settings.DeepClone();
        var lengths = new float[index.RowCount];
        for (int r = 0; r < lengths.Length; r++) lengths[r] = index.RowStart[r + 1] - index.RowStart[r];
        var columns = new float[index.NonZeroCount];
        for (int i = 0; i < columns.Length; i++) columns[i] = index.Columns[i];
        writer.AddSection("row_lengths", lengths);
        writer.AddSection("row_columns", columns);
        writer.AddSection("row_values", index.Values, encoding: writer.WeightEncoding);
        writer.AddSection("votes", _votes, stride: K);
        writer.AddSection("prior_weights", _priorWeights, stride: K, writer.WeightEncoding);
        writer.AddSection("prior_bias", _priorBias);
    }

    public static KnnClassifier Load(ModelReader reader)
    {
        int columns = reader.LearnerInt("columns"), first = reader.LearnerInt("first_column"), rows = reader.LearnerInt("rows");
        int stored = reader.LearnerInt("stored_values"), k = reader.LearnerInt("k");
        if (first < 0 || first >= columns || rows < 0 || stored < 0 || k is < 1 or > MaxK) throw reader.Damaged("impossible knn shape");
        var lengths = reader.ReadSection("row_lengths", rows);
        var start = new int[rows + 1];
        for (int r = 0; r < rows; r++)
        {
            if (!(lengths[r] >= 0) || start[r] + lengths[r] > stored) throw reader.Damaged("knn row lengths exceed the stored values");
            start[r + 1] = start[r] + (int)lengths[r];
        }
        if (start[rows] != stored) throw reader.Damaged("knn row lengths do not add up to the stored values");
        var cols = reader.ReadSection("row_columns", stored);
        var idx = new int[stored];
        for (int i = 0; i < stored; i++)
        {
            if (!(cols[i] >= 0 && cols[i] < columns - first)) throw reader.Damaged("a knn column is outside the searched range");
            idx[i] = (int)cols[i];
        }
        return new KnnClassifier
        {
            ColumnCount = columns,
            _index = new NeighbourIndex(first, columns - first, start, idx, reader.ReadSection("row_values", stored)),
            _votes = reader.ReadSection("votes", (long)rows * K),
            _priorWeights = reader.ReadSection("prior_weights", (long)first * K),
            _priorBias = reader.ReadSection("prior_bias", K),
            Neighbours = k,
            Power = reader.Learner["power"]?.GetValue<float>() ?? throw reader.Damaged("knn power is missing"),
            Smoothing = reader.Learner["smoothing"]?.GetValue<float>() ?? throw reader.Damaged("knn smoothing is missing"),
            LogisticPrior = reader.Learner["prior"]?.GetValue<string>() == "logistic",
            _settings = reader.Learner["fit"]?.DeepClone() as JsonObject ?? new JsonObject(),
        };
    }

    private float Weight(float similarity) => Power == 1f ? similarity : MathF.Pow(similarity, Power);

    private void Prior(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> prior)
    {
        if (!LogisticPrior)
        {
            prior.Fill(1f / K);
            CheckColumns(indices);
            return;
        }
        float z0 = _priorBias[0], z1 = _priorBias[1], z2 = _priorBias[2];
        int first = FirstColumn;
        for (int j = 0; j < indices.Length; j++)
        {
            int c = indices[j];
            if ((uint)c >= (uint)ColumnCount) throw LogisticRegression.FeatureOutOfRange(c, ColumnCount);
            if (c >= first) continue;
            int at = c * K;
            float v = values[j];
            z0 += _priorWeights[at] * v;
            z1 += _priorWeights[at + 1] * v;
            z2 += _priorWeights[at + 2] * v;
        }
        float mx = MathF.Max(z0, MathF.Max(z1, z2));
        float e0 = MathF.Exp(z0 - mx), e1 = MathF.Exp(z1 - mx), e2 = MathF.Exp(z2 - mx);
        float inv = 1f / (e0 + e1 + e2);
        prior[0] = e0 * inv;
        prior[1] = e1 * inv;
        prior[2] = e2 * inv;
    }

    private void CheckColumns(ReadOnlySpan<int> indices)
    {
        foreach (int c in indices)
            if ((uint)c >= (uint)ColumnCount) throw LogisticRegression.FeatureOutOfRange(c, ColumnCount);
    }

    private static SparseMatrix Restrict(SparseMatrix x, int columns)
    {
        var b = new SparseMatrixBuilder(columns, x.RowCount, x.RowCount * Math.Min(columns, 64));
        var idx = new List<int>();
        var val = new List<float>();
        for (int r = 0; r < x.RowCount; r++)
        {
            idx.Clear();
            val.Clear();
            var ri = x.RowIndices(r);
            var rv = x.RowValues(r);
            for (int j = 0; j < ri.Length; j++)
                if (ri[j] < columns)
                {
                    idx.Add(ri[j]);
                    val.Add(rv[j]);
                }
            b.AddRow(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(idx), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(val));
        }
        return b.Build();
    }

    private static SparseMatrix Stack(SparseMatrix a, SparseMatrix b)
    {
        var m = new SparseMatrixBuilder(a.ColumnCount, a.RowCount + b.RowCount, (int)(a.NonZeroCount + b.NonZeroCount));
        for (int r = 0; r < a.RowCount; r++) m.AddRow(a.RowIndices(r), a.RowValues(r));
        for (int r = 0; r < b.RowCount; r++) m.AddRow(b.RowIndices(r), b.RowValues(r));
        return m.Build();
    }
}
