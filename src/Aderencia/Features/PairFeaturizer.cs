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
    private float[] _mean = [];
    private float[] _scale = [];
    private float[] _edges = [];

    public PairFeaturizer(FeaturizerOptions? options = null)
    {
        Options = options ?? new FeaturizerOptions();
        Options.Validate();
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
        var theses = Profiles(pairs.Select(p => p.Production), threads);
        var themes = pairs.Select(p => p.Theme).Concat(extraThemes ?? []).DistinctBy(t => t.Id).ToList();
        var analyzer = new TermAnalyzer();
        _catalog.Clear();
        foreach (var t in themes) _catalog[t.Id] = ThemeProfile.Analyze(t, analyzer);
        Idf = IdfTable.Fit(theses.Values.Select(t => t.DocumentTerms()).Concat(_catalog.Values.Select(t => t.DocumentTerms())));
        AverageDocumentLength = theses.Count == 0 ? 1 : (float)theses.Values.Average(t => t.TotalTerms);
        Vectorize(theses.Values, _catalog.Values, threads);

        var (raw, evidence) = DenseRows(pairs, theses, _catalog, threads);
        FitScaling(raw, pairs.Count);
        return Assemble(pairs, theses, _catalog, raw, evidence, threads);
    }

    public SparseMatrix Transform(IReadOnlyList<Pair> pairs, int threads = 2)
    {
        if (!IsFitted) throw new InvalidOperationException("the featurizer is not fitted");
        var theses = Profiles(pairs.Select(p => p.Production), threads);
        var catalog = CatalogWith(pairs.Select(p => p.Theme));
        Vectorize(theses.Values, [], threads);
        var (raw, evidence) = DenseRows(pairs, theses, catalog, threads);
        return Assemble(pairs, theses, catalog, raw, evidence, threads);
    }

    /// <summary>One pair's row with the origin of every column, for explanations.</summary>
    public (int[] Indices, float[] Values, List<FeatureOrigin> Origins, KeywordEvidence Evidence, ThesisProfile Thesis, ThemeProfile Theme)
        Explain(Pair pair, IEnumerable<Theme>? peers = null)
    {
        if (!IsFitted) throw new InvalidOperationException("the featurizer is not fitted");
        var analyzer = new TermAnalyzer();
        var thesis = ThesisProfile.Analyze(pair.Production, analyzer);
        thesis.Vectorize(Idf!);
        var catalog = CatalogWith((peers ?? []).Append(pair.Theme));
        var theme = catalog[pair.Theme.Id];
        var raw = new float[DenseCount];
        var kw = KeywordEvidence.Compute(thesis, theme);
        DenseFeatures.Compute(thesis, theme, kw, UfContext(thesis, theme, catalog), AverageDocumentLength, Idf!, raw);
        var origins = new List<FeatureOrigin>();
        var (idx, val) = Row(thesis, theme, kw, raw, new List<(int, float)>(), origins);
        return (idx, val, origins, kw, thesis, theme);
    }

    private Dictionary<string, ThesisProfile> Profiles(IEnumerable<Production> productions, int threads)
    {
        var distinct = productions.DistinctBy(p => p.Id).ToArray();
        var profiles = new ThesisProfile[distinct.Length];
        using var analyzers = new ThreadLocal<TermAnalyzer>(() => new TermAnalyzer());
        Parallel.For(0, distinct.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            i => profiles[i] = ThesisProfile.Analyze(distinct[i], analyzers.Value!));
        return profiles.ToDictionary(p => p.Production.Id, StringComparer.Ordinal);
    }

    private void Vectorize(IEnumerable<ThesisProfile> theses, IEnumerable<ThemeProfile> themes, int threads)
    {
        var po = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        Parallel.ForEach(theses, po, t => t.Vectorize(Idf!));
        foreach (var t in themes) t.Vectorize(Idf!);
    }

    private Dictionary<int, ThemeProfile> CatalogWith(IEnumerable<Theme> themes)
    {
        var catalog = new Dictionary<int, ThemeProfile>(_catalog);
        var analyzer = new TermAnalyzer();
        foreach (var t in themes.DistinctBy(t => t.Id))
        {
            if (catalog.TryGetValue(t.Id, out var known) && SameTheme(known.Theme, t)) continue;
            var p = ThemeProfile.Analyze(t, analyzer);
            p.Vectorize(Idf!);
            catalog[t.Id] = p;
        }
        return catalog;
    }

    private static bool SameTheme(Theme a, Theme b) =>
        a.Name == b.Name && a.Uf == b.Uf && a.Keywords.SequenceEqual(b.Keywords);

    private static UfScores UfContext(ThesisProfile thesis, ThemeProfile theme, Dictionary<int, ThemeProfile> catalog)
    {
        var scores = new List<float>(24);
        foreach (var peer in catalog.Values)
            if (peer.Theme.Uf == theme.Theme.Uf) scores.Add(thesis.AllVector.Cosine(peer.AllVector));
        return new UfScores([.. scores]);
    }

    /// <summary>Raw dense features of every pair, and the keyword evidence they were computed from (reused by <see cref="Assemble"/>).</summary>
    private (float[] Raw, KeywordEvidence[] Evidence) DenseRows(IReadOnlyList<Pair> pairs, Dictionary<string, ThesisProfile> theses, Dictionary<int, ThemeProfile> catalog, int threads)
    {
        int d = DenseCount;
        var raw = new float[pairs.Count * d];
        var evidence = new KeywordEvidence[pairs.Count];
        Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
        {
            var thesis = theses[pairs[i].Production.Id];
            var theme = catalog[pairs[i].Theme.Id];
            var kw = evidence[i] = KeywordEvidence.Compute(thesis, theme);
            DenseFeatures.Compute(thesis, theme, kw, UfContext(thesis, theme, catalog), AverageDocumentLength, Idf!, raw.AsSpan(i * d, d));
        });
        return (raw, evidence);
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

    private SparseMatrix Assemble(IReadOnlyList<Pair> pairs, Dictionary<string, ThesisProfile> theses, Dictionary<int, ThemeProfile> catalog,
        float[] raw, KeywordEvidence[] evidence, int threads)
    {
        int d = DenseCount;
        var rows = new (int[] Idx, float[] Val)[pairs.Count];
        Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            () => new List<(int, float)>(512),
            (i, _, scratch) =>
            {
                var thesis = theses[pairs[i].Production.Id];
                var theme = catalog[pairs[i].Theme.Id];
                rows[i] = Row(thesis, theme, evidence[i], raw.AsSpan(i * d, d), scratch, null);
                return scratch;
            }, _ => { });
        var builder = new SparseMatrixBuilder(ColumnCount, pairs.Count, rows.Sum(r => r.Idx.Length));
        foreach (var (idx, val) in rows) builder.AddRow(idx, val);
        return builder.Build();
    }

    private (int[] Indices, float[] Values) Row(ThesisProfile thesis, ThemeProfile theme, KeywordEvidence kw, ReadOnlySpan<float> raw,
        List<(int Column, float Value)> scratch, List<FeatureOrigin>? origins)
    {
        scratch.Clear();
        int d = DenseCount, b = Options.Bins;
        for (int f = 0; f < d; f++)
        {
            float z = (raw[f] - _mean[f]) * _scale[f];
            if (z != 0) Add(scratch, origins, f, z, new FeatureOrigin(f, FeatureKind.Dense, f));
            if (b > 1)
            {
                int bin = 0;
                var edges = _edges.AsSpan(f * (b - 1), b - 1);
                while (bin < edges.Length && raw[f] > edges[bin]) bin++;
                int col = BinBase + f * b + bin;
                Add(scratch, origins, col, 1, new FeatureOrigin(col, FeatureKind.Bin, f));
            }
        }
        int id = theme.Theme.Id;
        Hashed(scratch, origins, FeatureHasher.Combine(NsTheme, (uint)id), 1, FeatureKind.ThemePrior, 0);
        if (Options.ThemeTitleTerms)
        {
            ThemeTerms(scratch, origins, thesis, ThesisField.Title, NsThemeTitle, id);
            ThemeTerms(scratch, origins, thesis, ThesisField.Keywords, NsThemeTitle, id);
        }
        if (Options.ThemeAbstractTerms) ThemeTerms(scratch, origins, thesis, ThesisField.Abstract, NsThemeAbstract, id);
        if (Options.ThemeContext)
        {
            var p = thesis.Production;
            foreach (var text in new[] { p.GreatArea, p.KnowledgeArea, p.Program })
                if (text.Length > 0)
                    Hashed(scratch, origins, FeatureHasher.Combine(NsThemeArea, (uint)id, FeatureHasher.Hash(text)), 1, FeatureKind.ThemeContext, 0, text: text);
        }
        if (Options.KeywordIdentity)
            for (int k = 0; k < kw.KeywordCount; k++)
                if (kw.Found(k))
                    Hashed(scratch, origins, FeatureHasher.Combine(NsThemeKeyword, (uint)id, (uint)k), 1, FeatureKind.Keyword, k);
        return Merge(scratch);
    }

    private void ThemeTerms(List<(int, float)> scratch, List<FeatureOrigin>? origins, ThesisProfile thesis, ThesisField field, uint ns, int themeId)
    {
        var text = thesis[field];
        int distinct = thesis.FieldSets[(int)field].Count;
        if (distinct == 0) return;
        float w = 1 / MathF.Sqrt(distinct);
        HashSet<uint>? seen = origins is null ? null : [];
        for (int i = 0; i < text.Count; i++)
        {
            uint term = text.Terms[i];
            if (origins is null ? Array.IndexOf(text.Terms, term) != i : !seen!.Add(term)) continue;
            Hashed(scratch, origins, FeatureHasher.Combine(ns, (uint)themeId, term), w, FeatureKind.ThemeTerm, i, field);
        }
    }

    private void Hashed(List<(int, float)> scratch, List<FeatureOrigin>? origins, uint hash, float value, FeatureKind kind, int index,
        ThesisField field = ThesisField.Title, string? text = null)
    {
        int col = HashBase + FeatureHasher.Bucket(hash, Options.HashBits);
        Add(scratch, origins, col, value, new FeatureOrigin(col, kind, index, field, text));
    }

    private static void Add(List<(int, float)> scratch, List<FeatureOrigin>? origins, int column, float value, FeatureOrigin origin)
    {
        scratch.Add((column, value));
        origins?.Add(origin);
    }

    private static (int[], float[]) Merge(List<(int Column, float Value)> entries)
    {
        entries.Sort((a, b) => a.Column.CompareTo(b.Column));
        var idx = new List<int>(entries.Count);
        var val = new List<float>(entries.Count);
        foreach (var (c, v) in entries)
        {
            if (idx.Count > 0 && idx[^1] == c) val[^1] += v;
            else
            {
                idx.Add(c);
                val.Add(v);
            }
        }
        return ([.. idx], [.. val]);
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
        var analyzer = new TermAnalyzer();
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
        return f;
    }

    private static string Floats(float[] v) => Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.AsSpan()));

    private static float[] FromFloats(JsonNode? node) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(node!.GetValue<string>())).ToArray();
}
