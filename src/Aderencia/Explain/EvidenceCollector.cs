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
    public static PairEvidence Collect(PairFeaturizer featurizer, ILevelClassifier model, Pair pair, AdherenceLevel level, IEnumerable<Theme>? peers = null)
    {
        var (idx, val, origins, kw, thesis, theme) = featurizer.Explain(pair, peers);
        var contrib = new float[idx.Length];
        model.Contributions(idx, val, (int)level, contrib);
        var byColumn = new Dictionary<int, float>(idx.Length);
        for (int i = 0; i < idx.Length; i++) byColumn[idx[i]] = contrib[i];
        float Of(FeatureOrigin o) => byColumn.GetValueOrDefault(o.Column);

        float keywordSignal = origins.Where(o => o.Kind is FeatureKind.Dense or FeatureKind.Bin && IsKeywordFeature(o.Index)).Sum(Of);
        var keywordColumns = origins.Where(o => o.Kind == FeatureKind.Keyword).ToDictionary(o => o.Index, Of);
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
            var fields = KeywordEvidence.SearchedFields.Where(f => kw.Counts[k, (int)f] > 0).ToList();
            hits.Add(new KeywordHit(keyword, fields, keywordColumns.GetValueOrDefault(k) + keywordSignal / Math.Max(1, kw.KeywordCount)));
        }

        var terms = origins.Where(o => o.Kind == FeatureKind.ThemeTerm)
            .Select(o => new TermEvidence(thesis[o.Field].Surface(o.Index).ToLowerInvariant(), o.Field, Of(o)))
            .Where(t => IsQuotable(t.Surface))
            .GroupBy(t => t.Surface).Select(g => g.MaxBy(t => Math.Abs(t.Contribution))!)
            .ToList();
        var signals = origins.Where(o => o.Kind is FeatureKind.Dense or FeatureKind.Bin)
            .GroupBy(o => o.Index).Select(g => (DenseFeatures.All[g.Key].Description, g.Sum(Of)))
            .Where(s => s.Item2 > 0).OrderByDescending(s => s.Item2).Take(3).ToList();
        return new PairEvidence(
            theme.Theme.Name,
            hits.OrderByDescending(h => h.Fields.Count).ThenByDescending(h => h.Contribution).ToList(),
            missing,
            terms.Where(t => t.Contribution > 0).OrderByDescending(t => t.Contribution).Take(3).ToList(),
            terms.Where(t => t.Contribution < 0).OrderBy(t => t.Contribution).Take(3).ToList(),
            signals);
    }

    private static readonly Stopwords Generic = new(StopwordLists.All);

    /// <summary>Words worth quoting to a reader: no numbers, no short or generic catalogue words ("tese", "análise").</summary>
    private static bool IsQuotable(string surface)
    {
        if (surface.Length < 4) return false;
        foreach (char c in surface) if (!char.IsLetter(c) && c != '-') return false;
        Span<char> folded = stackalloc char[TextNormalizer.MaxOutputLength(surface.Length)];
        int n = TextNormalizer.Normalize(surface, folded);
        return !Generic.Contains(folded[..n]);
    }

    private static bool IsKeywordFeature(int dense) =>
        DenseFeatures.All[dense].Name.StartsWith("kw_", StringComparison.Ordinal) || DenseFeatures.All[dense].Name.StartsWith("coverage_", StringComparison.Ordinal);
}
