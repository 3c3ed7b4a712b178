using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aderencia.Domain;
using Aderencia.Text;

namespace Aderencia.Features;

/// <summary>
/// Turns (thesis, theme) pairs into sparse rows: standardised dense features, their quantile bins, and hashed
/// theme-conditioned features. Each distinct thesis and theme is analysed once per call and shared by its pairs.
/// Column layout: [0, D) dense, [D, D + D·B) bins, then 2^HashBits hashed buckets.
/// </summary>
public sealed class PairFeaturizer
{
    private static readonly uint NsTheme = FeatureHasher.Hash("theme");
    private static readonly uint NsThemeTitle = FeatureHasher.Hash("theme×title");
    private static readonly uint NsThemeAbstract = FeatureHasher.Hash("theme×abstract");
    private static readonly uint NsThemeArea = FeatureHasher.Hash("theme×area");
    private static readonly uint NsThemeKeyword = FeatureHasher.Hash("theme×keyword");

    private readonly Dictionary<int, ThemeProfile> _catalog = [];
    private readonly ConcurrentBag<TermAnalyzer> _analyzers = [];
    private float[] _mean = [];
    private float[] _scale = [];
    private float[] _edges = [];
    private readonly ThesisField[] _themeTermFields;

    public PairFeaturizer(FeaturizerOptions? options = null)
    {
        Options = options ?? new FeaturizerOptions();
        Options.Validate();
        _themeTermFields = [.. ThemeTermFields()];
    }

    public FeaturizerOptions Options { get; }
    public IdfTable? Idf { get; private set; }
    public float AverageDocumentLength { get; private set; }
    public bool IsFitted => Idf is not null;

    public static int DenseCount => DenseFeatures.Count;
    public int BinBase => DenseCount;
    public int HashBase => DenseCount + DenseCount * Options.Bins;
    public int ColumnCount => HashBase + (1 << Options.HashBits);

    /// <summary>The themes known from training (the peers each pair's theme is ranked among).</summary>
    public IReadOnlyCollection<Theme> KnownThemes => _catalog.Values.Select(p => p.Theme).ToList();

    /// <summary>Learns document frequencies, the theme catalogue, feature scaling and bin edges, and returns the training rows.</summary>
    public SparseMatrix FitTransform(IReadOnlyList<Pair> pairs, IEnumerable<Theme>? extraThemes = null, int threads = 2)
    {
        var batch = new FeaturizedPairs(pairs);
        Analyze(batch, vectorize: false, threads);
        var analyzer = Rent();
        _catalog.Clear();
        foreach (var t in pairs.Select(p => p.Theme).Concat(extraThemes ?? []).DistinctBy(t => t.Id)) _catalog[t.Id] = ThemeProfile.Analyze(t, analyzer);
        Return(analyzer);
        Idf = IdfTable.Fit(batch.Theses.Select(t => t.DocumentTerms()).Concat(_catalog.Values.Select(t => t.DocumentTerms())));
        AverageDocumentLength = batch.Theses.Length == 0 ? 1 : (float)batch.Theses.Average(t => t.TotalTerms);
        Parallel.ForEach(batch.Theses, Parallelism(threads), t => t.Vectorize(Idf));
        foreach (var t in _catalog.Values) t.Vectorize(Idf);
        batch.Catalog = _catalog;
        Rows(batch, fitting: true, threads);
        return batch.Matrix;
    }

    public SparseMatrix Transform(IReadOnlyList<Pair> pairs, int threads = 2) => Featurize(pairs, threads: threads).Matrix;

    /// <summary>
    /// The rows of <paramref name="pairs"/> together with the analysed theses and themes they came from, so
    /// explanations of any of them need no second analysis (see <see cref="Explain(FeaturizedPairs, int)"/>).
    /// </summary>
    /// <param name="peers">Themes besides the pairs' own that each theme is ranked among (by default the training catalogue).</param>
    public FeaturizedPairs Featurize(IReadOnlyList<Pair> pairs, IEnumerable<Theme>? peers = null, int threads = 2)
    {
        var themes = peers is null ? pairs.Select(p => p.Theme) : peers.Concat(pairs.Select(p => p.Theme));
        if (!IsFitted) throw new InvalidOperationException("the featurizer is not fitted");
        var batch = new FeaturizedPairs(pairs) { Catalog = CatalogWith(themes) };
        Analyze(batch, vectorize: true, threads);
        Rows(batch, fitting: false, threads);
        return batch;
    }

    /// <summary>One pair's row with what it was computed from, for explanations.</summary>
    public PairExplanation Explain(Pair pair, IEnumerable<Theme>? peers = null)
    {
        var batch = Featurize([pair], peers, threads: 1);
        return new(batch.Matrix.RowIndices(0).ToArray(), batch.Matrix.RowValues(0).ToArray(), batch.Evidence[0], batch.ThesisOf(0), batch.ThemeOf(0));
    }

    /// <summary>The thesis fields whose terms become theme × term features.</summary>
    public IEnumerable<ThesisField> ThemeTermFields()
    {
        if (Options.ThemeTitleTerms)
        {
            yield return ThesisField.Title;
            yield return ThesisField.Keywords;
        }
        if (Options.ThemeAbstractTerms) yield return ThesisField.Abstract;
    }

    /// <summary>The column of the theme × term feature of <paramref name="term"/> found in <paramref name="field"/>.</summary>
    public int ThemeTermColumn(ThesisField field, int themeId, uint term) =>
        HashColumn(FeatureHasher.Combine(field == ThesisField.Abstract ? NsThemeAbstract : NsThemeTitle, (uint)themeId, term));

    /// <summary>The column of the "theme keyword k found" feature.</summary>
    public int KeywordColumn(int themeId, int keyword) => HashColumn(FeatureHasher.Combine(NsThemeKeyword, (uint)themeId, (uint)keyword));

    /// <summary>The dense feature a column standardises or bins, or -1 for a hashed column.</summary>
    public int DenseFeatureOf(int column) => column < DenseCount ? column : column < HashBase ? (column - BinBase) / Options.Bins : -1;

    private int HashColumn(uint hash) => HashBase + FeatureHasher.Bucket(hash, Options.HashBits);

    /// <summary>
    /// Adds (or replaces, by id) themes in the catalogue so later batches that use them need not analyse them again,
    /// e.g. a server's themes table. Not thread-safe: call before serving.
    /// </summary>
    public void UseThemes(IEnumerable<Theme> themes)
    {
        if (!IsFitted) throw new InvalidOperationException("the featurizer is not fitted");
        foreach (var (id, profile) in CatalogWith(themes).ToList()) _catalog[id] = profile;
    }

    private TermAnalyzer Rent() => _analyzers.TryTake(out var a) ? a : new TermAnalyzer();

    private void Return(TermAnalyzer analyzer) => _analyzers.Add(analyzer);

    private static ParallelOptions Parallelism(int threads) => new() { MaxDegreeOfParallelism = Math.Max(1, threads) };

    /// <summary>Analyses each distinct thesis once, on pooled analyzers whose stem caches stay warm between calls.</summary>
    private void Analyze(FeaturizedPairs batch, bool vectorize, int threads)
    {
        var theses = batch.Theses;
        var productions = batch.DistinctProductions;
        Parallel.For(0, theses.Length, Parallelism(threads), Rent,
            (i, _, analyzer) =>
            {
                var t = ThesisProfile.Analyze(productions[i], analyzer);
                if (vectorize) t.Vectorize(Idf!);
                theses[i] = t;
                return analyzer;
            }, Return);
    }

    private Dictionary<int, ThemeProfile> CatalogWith(IEnumerable<Theme> themes)
    {
        Dictionary<int, ThemeProfile>? catalog = null;
        TermAnalyzer? analyzer = null;
        foreach (var t in themes.DistinctBy(t => t.Id))
        {
            if (_catalog.TryGetValue(t.Id, out var known) && SameTheme(known.Theme, t)) continue;
            catalog ??= new Dictionary<int, ThemeProfile>(_catalog);
            analyzer ??= Rent();
            var p = ThemeProfile.Analyze(t, analyzer);
            p.Vectorize(Idf!);
            catalog[t.Id] = p;
        }
        if (analyzer is not null) Return(analyzer);
        return catalog ?? _catalog;
    }

    private static bool SameTheme(Theme a, Theme b) =>
        a.Name == b.Name && a.Uf == b.Uf && a.Keywords.SequenceEqual(b.Keywords);

    /// <summary>
    /// Dense features, then (once scaling is known) the sparse rows, thesis by thesis so each thesis' similarity to
    /// the themes of a state is computed once for all its pairs. Fitting learns the scaling in between.
    /// </summary>
    private void Rows(FeaturizedPairs batch, bool fitting, int threads)
    {
        int d = DenseCount;
        var raw = batch.Raw = new float[batch.Count * d];
        batch.Evidence = new KeywordEvidence[batch.Count];
        var peers = batch.Catalog.Values.GroupBy(t => t.Theme.Uf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Parallel.For(0, batch.Theses.Length, Parallelism(threads), () => new Dictionary<string, UfScores>(StringComparer.Ordinal),
            (t, _, ufCache) =>
            {
                ufCache.Clear();
                var thesis = batch.Theses[t];
                foreach (int i in batch.PairsOf(t))
                {
                    var theme = batch.Catalog[batch.Pairs[i].Theme.Id];
                    if (!ufCache.TryGetValue(theme.Theme.Uf, out var uf))
                        ufCache[theme.Theme.Uf] = uf = UfContext(thesis, peers[theme.Theme.Uf]);
                    var kw = batch.Evidence[i] = KeywordEvidence.Compute(thesis, theme);
                    DenseFeatures.Compute(thesis, theme, kw, uf, AverageDocumentLength, Idf!, raw.AsSpan(i * d, d));
                }
                return ufCache;
            }, _ => { });
        if (fitting) FitScaling(raw, batch.Count);
        batch.Matrix = Assemble(batch, threads);
    }

    private static UfScores UfContext(ThesisProfile thesis, ThemeProfile[] peers)
    {
        var scores = new float[peers.Length];
        for (int i = 0; i < peers.Length; i++) scores[i] = thesis.AllVector.Cosine(peers[i].AllVector);
        return new UfScores(scores);
    }

    private void FitScaling(float[] raw, int rows)
    {
        int d = DenseCount, b = Options.Bins;
        _mean = new float[d];
        _scale = new float[d];
        _edges = new float[d * Math.Max(0, b - 1)];
        var column = new float[rows];
        for (int f = 0; f < d; f++)
        {
            double sum = 0, sq = 0;
            for (int r = 0; r < rows; r++)
            {
                float v = raw[r * d + f];
                column[r] = v;
                sum += v;
                sq += (double)v * v;
            }
            double mean = rows == 0 ? 0 : sum / rows;
            double var = rows == 0 ? 0 : Math.Max(0, sq / rows - mean * mean);
            _mean[f] = (float)mean;
            _scale[f] = var > 1e-12 ? (float)(1 / Math.Sqrt(var)) : 0f;
            if (b <= 1 || rows == 0) continue;
            Array.Sort(column);
            for (int e = 1; e < b; e++)
                _edges[f * (b - 1) + e - 1] = column[Math.Min(rows - 1, (int)((long)rows * e / b))];
        }
    }

    /// <summary>
    /// Builds every row straight into the matrix arrays, each at an offset reserved for its longest possible length,
    /// then closes the gaps in one forward pass; a row's content does not depend on which worker built it.
    /// </summary>
    private SparseMatrix Assemble(FeaturizedPairs batch, int threads)
    {
        int n = batch.Count;
        var reserved = new long[n + 1];
        for (int i = 0; i < n; i++) reserved[i + 1] = reserved[i] + MaxRowLength(batch.ThesisOf(i), batch.Evidence[i]);
        if (reserved[n] > Array.MaxLength) throw new InvalidOperationException($"{n} pairs make a feature matrix too large for one array; score them in smaller batches");
        var indices = new int[reserved[n]];
        var values = new float[reserved[n]];
        var rowLength = new int[n];
        Parallel.For(0, batch.Theses.Length, Parallelism(threads), () => new RowScratch(),
            (t, _, w) =>
            {
                var thesis = batch.Theses[t];
                foreach (int i in batch.PairsOf(t))
                {
                    Row(thesis, batch.Catalog[batch.Pairs[i].Theme.Id], batch.Evidence[i], batch.RawDense(i), w);
                    int at = (int)reserved[i], room = (int)(reserved[i + 1] - at);
                    rowLength[i] = w.CopyTo(indices.AsSpan(at, room), values.AsSpan(at, room));
                }
                return w;
            }, _ => { });
        var rowStart = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            rowStart[i + 1] = rowStart[i] + rowLength[i];
            if (rowStart[i] == reserved[i]) continue;
            indices.AsSpan((int)reserved[i], rowLength[i]).CopyTo(indices.AsSpan(rowStart[i]));
            values.AsSpan((int)reserved[i], rowLength[i]).CopyTo(values.AsSpan(rowStart[i]));
        }
        return new SparseMatrix(rowStart, indices, values, ColumnCount);
    }

    /// <summary>How many entries <see cref="Row"/> adds for a pair at most (repeated hashed columns merge into fewer).</summary>
    private int MaxRowLength(ThesisProfile thesis, KeywordEvidence kw)
    {
        int length = DenseCount * (Options.Bins > 1 ? 2 : 1) + 1;
        foreach (var field in _themeTermFields) length += thesis.FieldTerms[(int)field].Length;
        if (Options.ThemeContext) length += 3;
        if (Options.KeywordIdentity) length += kw.KeywordCount;
        return length;
    }

    private void Row(ThesisProfile thesis, ThemeProfile theme, KeywordEvidence kw, ReadOnlySpan<float> raw, RowScratch row)
    {
        row.Clear();
        int d = DenseCount, b = Options.Bins;
        for (int f = 0; f < d; f++)
        {
            float z = (raw[f] - _mean[f]) * _scale[f];
            if (z != 0) row.AddSorted(f, z);
        }
        if (b > 1)
            for (int f = 0; f < d; f++)
            {
                int bin = 0;
                var edges = _edges.AsSpan(f * (b - 1), b - 1);
                while (bin < edges.Length && raw[f] > edges[bin]) bin++;
                row.AddSorted(BinBase + f * b + bin, 1);
            }
        int id = theme.Theme.Id;
        row.Add(HashColumn(FeatureHasher.Combine(NsTheme, (uint)id)), 1);
        foreach (var field in _themeTermFields)
        {
            var distinct = thesis.FieldTerms[(int)field];
            if (distinct.Length == 0) continue;
            float w = 1 / MathF.Sqrt(distinct.Length);
            foreach (uint term in distinct) row.Add(ThemeTermColumn(field, id, term), w);
        }
        if (Options.ThemeContext)
        {
            var p = thesis.Production;
            ContextTerm(row, p.GreatArea, id);
            ContextTerm(row, p.KnowledgeArea, id);
            ContextTerm(row, p.Program, id);
        }
        if (Options.KeywordIdentity)
            for (int k = 0; k < kw.KeywordCount; k++)
                if (kw.Found(k)) row.Add(KeywordColumn(id, k), 1);
    }

    private void ContextTerm(RowScratch row, string text, int themeId)
    {
        if (text.Length > 0) row.Add(HashColumn(FeatureHasher.Combine(NsThemeArea, (uint)themeId, FeatureHasher.Hash(text))), 1);
    }

    public JsonObject Save() => new()
    {
        ["options"] = System.Text.Json.JsonSerializer.SerializeToNode(Options),
        ["dense_features"] = new JsonArray(DenseFeatures.All.Select(f => (JsonNode)f.Name).ToArray()),
        ["idf"] = Convert.ToBase64String(Idf!.ToBytes()),
        ["avg_doc_length"] = AverageDocumentLength,
        ["mean"] = Floats(_mean),
        ["scale"] = Floats(_scale),
        ["edges"] = Floats(_edges),
        ["themes"] = new JsonArray(_catalog.Values.OrderBy(t => t.Theme.Id).Select(t => (JsonNode)new JsonObject
        {
            ["id"] = t.Theme.Id,
            ["name"] = t.Theme.Name,
            ["uf"] = t.Theme.Uf,
            ["keywords"] = new JsonArray(t.Theme.Keywords.Select(k => (JsonNode)k).ToArray()),
        }).ToArray()),
    };

    public static PairFeaturizer Load(JsonObject json)
    {
        var options = json["options"].Deserialize<FeaturizerOptions>() ?? throw new InvalidDataException("featurizer options missing");
        var names = json["dense_features"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        if (!names.SequenceEqual(DenseFeatures.All.Select(f => f.Name)))
            throw new InvalidDataException("the model was trained with a different set of dense features; retrain it with this version");
        var f = new PairFeaturizer(options)
        {
            Idf = IdfTable.FromBytes(Convert.FromBase64String(json["idf"]!.GetValue<string>())),
            AverageDocumentLength = json["avg_doc_length"]!.GetValue<float>(),
        };
        f._mean = FromFloats(json["mean"]);
        f._scale = FromFloats(json["scale"]);
        f._edges = FromFloats(json["edges"]);
        var analyzer = f.Rent();
        foreach (var t in json["themes"]!.AsArray())
        {
            var theme = new Theme
            {
                Id = t!["id"]!.GetValue<int>(),
                Name = t["name"]!.GetValue<string>(),
                Uf = t["uf"]!.GetValue<string>(),
                Keywords = t["keywords"]!.AsArray().Select(k => k!.GetValue<string>()).ToArray(),
            };
            var p = ThemeProfile.Analyze(theme, analyzer);
            p.Vectorize(f.Idf);
            f._catalog[theme.Id] = p;
        }
        f.Return(analyzer);
        return f;
    }

    private static string Floats(float[] v) => Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.AsSpan()));

    private static float[] FromFloats(JsonNode? node) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(node!.GetValue<string>())).ToArray();
}
