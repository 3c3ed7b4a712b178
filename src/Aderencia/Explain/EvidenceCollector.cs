using Aderencia.Domain;
using Aderencia.Features;
using Aderencia.Models;
using Aderencia.Text;

namespace Aderencia.Explain;

/// <summary>
/// Gathers the evidence for one prediction from the model's own per-feature contributions toward the predicted
/// level: theme keywords found (and where), the thesis words that pushed for and against, the strongest signals.
/// </summary>
public static class EvidenceCollector
{
    private const int MaxTerms = 3;

    public static PairEvidence Collect(PairFeaturizer featurizer, ILevelClassifier model, Pair pair, AdherenceLevel level, IEnumerable<Theme>? peers = null) =>
        Collect(featurizer, model, featurizer.Featurize([pair], peers, threads: 1), 0, level);

    /// <summary>Evidence for pair <paramref name="index"/> of a batch already featurized: nothing is analysed again.</summary>
    public static PairEvidence Collect(PairFeaturizer featurizer, ILevelClassifier model, FeaturizedPairs batch, int index, AdherenceLevel level)
    {
        var idx = batch.Matrix.RowIndices(index);
        var val = batch.Matrix.RowValues(index);
        var kw = batch.Evidence[index];
        var thesis = batch.ThesisOf(index);
        var theme = batch.ThemeOf(index);
        int themeId = theme.Theme.Id;
        Span<float> contrib = idx.Length <= 1024 ? stackalloc float[idx.Length] : new float[idx.Length];
        model.Contributions(idx, val, (int)level, contrib);

        // A feature gets its column's whole contribution (hashed columns may be shared by several features).
        float Of(ReadOnlySpan<int> columns, ReadOnlySpan<float> contributions, int column)
        {
            int at = columns.BinarySearch(column);
            return at >= 0 ? contributions[at] : 0;
        }

        Span<float> dense = stackalloc float[DenseFeatures.Count];
        dense.Clear();
        for (int j = 0; j < idx.Length; j++)
        {
            int f = featurizer.DenseFeatureOf(idx[j]);
            if (f < 0) break;
            dense[f] += contrib[j];
        }
        float keywordSignal = 0;
        for (int f = 0; f < dense.Length; f++) if (KeywordFeature[f]) keywordSignal += dense[f];

        var hits = new List<KeywordHit>();
        var missing = new List<string>();
        for (int k = 0; k < kw.KeywordCount; k++)
        {
            var keyword = theme.Theme.Keywords[k];
            if (!kw.Found(k))
            {
                if (theme.Keywords[k].Count > 0) missing.Add(keyword);
                continue;
            }
            var fields = KeywordEvidence.SearchedFields.Where(f => kw.Count(k, f) > 0).ToList();
            float own = featurizer.Options.KeywordIdentity ? Of(idx, contrib, featurizer.KeywordColumn(themeId, k)) : 0;
            hits.Add(new KeywordHit(keyword, fields, own + keywordSignal / Math.Max(1, kw.KeywordCount)));
        }

        var candidates = t_candidates ??= new List<TermCandidate>(256);
        candidates.Clear();
        foreach (var field in featurizer.ThemeTermFields())
        {
            var terms = thesis.FieldTerms[(int)field];
            int[]? positions = null;
            for (int j = 0; j < terms.Length; j++)
            {
                float c = Of(idx, contrib, featurizer.ThemeTermColumn(field, themeId, terms[j]));
                if (c != 0) candidates.Add(new TermCandidate(field, (positions ??= thesis.FirstPositions(field))[j], c));
            }
        }
        var (termsFor, termsAgainst) = StrongestTerms(candidates, thesis);

        return new PairEvidence(
            theme.Theme.Name,
            hits.OrderByDescending(h => h.Fields.Count).ThenByDescending(h => h.Contribution).ToList(),
            missing,
            termsFor,
            termsAgainst,
            StrongestSignals(dense));
    }

    /// <summary>The three dense features that pushed hardest toward the level (ties: the earlier feature first).</summary>
    private static List<(string Description, float Contribution)> StrongestSignals(ReadOnlySpan<float> dense)
    {
        var top = new List<(string, float)>(3);
        Span<int> picked = stackalloc int[3];
        for (int n = 0; n < 3; n++)
        {
            int best = -1;
            for (int f = 0; f < dense.Length; f++)
                if (dense[f] > 0 && picked[..n].IndexOf(f) < 0 && (best < 0 || dense[f] > dense[best])) best = f;
            if (best < 0) break;
            picked[n] = best;
            top.Add((DenseFeatures.All[best].Description, dense[best]));
        }
        return top;
    }

    [ThreadStatic] private static List<TermCandidate>? t_candidates;

    private readonly record struct TermCandidate(ThesisField Field, int Position, float Contribution);

    /// <summary>
    /// The thesis words with the largest contributions for and against, each word once (at its strongest), quotable
    /// words only. Strings are made only for the few words looked at: a row has hundreds of terms and a
    /// justification cites six at most.
    /// </summary>
    private static (List<TermEvidence> For, List<TermEvidence> Against) StrongestTerms(List<TermCandidate> terms, ThesisProfile thesis)
    {
        var pro = new List<TermEvidence>(MaxTerms);
        var con = new List<TermEvidence>(MaxTerms);
        var seen = new List<string>(2 * MaxTerms);
        terms.Sort(static (a, b) => Stronger(a, b) ? -1 : Stronger(b, a) ? 1 : 0);
        Span<char> lower = stackalloc char[TextPipelineOptions.MaxTokenLength];
        foreach (var t in terms)
        {
            if (pro.Count == MaxTerms && con.Count == MaxTerms) break;
            var surface = thesis[t.Field].SurfaceSpan(t.Position);
            if (surface.Length > lower.Length) continue;
            var word = lower[..surface.ToLowerInvariant(lower)];
            if (!IsQuotable(word) || Contains(seen, word)) continue;
            string text = word.ToString();
            seen.Add(text);
            var list = t.Contribution > 0 ? pro : con;
            if (list.Count < MaxTerms) list.Add(new TermEvidence(text, t.Field, t.Contribution));
        }
        return (pro, con);
    }

    /// <summary>Larger |contribution| first; ties by field, then by position in the text, so the order never depends on the input's.</summary>
    private static bool Stronger(in TermCandidate a, in TermCandidate b)
    {
        int c = Math.Abs(a.Contribution).CompareTo(Math.Abs(b.Contribution));
        if (c != 0) return c > 0;
        if (a.Field != b.Field) return (int)a.Field < (int)b.Field;
        return a.Position < b.Position;
    }

    private static bool Contains(List<string> seen, ReadOnlySpan<char> word)
    {
        foreach (var s in seen) if (word.SequenceEqual(s)) return true;
        return false;
    }

    private static readonly Stopwords Generic = new(StopwordLists.All);

    /// <summary>Words worth quoting to a reader: no numbers, no short or generic catalogue words ("tese", "análise").</summary>
    private static bool IsQuotable(ReadOnlySpan<char> surface)
    {
        if (surface.Length < 4) return false;
        foreach (char c in surface) if (!char.IsLetter(c) && c != '-') return false;
        Span<char> folded = stackalloc char[TextNormalizer.MaxOutputLength(surface.Length)];
        int n = TextNormalizer.Normalize(surface, folded);
        return !Generic.Contains(folded[..n]);
    }

    private static readonly bool[] KeywordFeature = DenseFeatures.All
        .Select(f => f.Name.StartsWith("kw_", StringComparison.Ordinal) || f.Name.StartsWith("coverage_", StringComparison.Ordinal)).ToArray();

}
