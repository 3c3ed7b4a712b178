using Aderencia.Domain;
using Aderencia.Explain;
using Aderencia.Features;
using Aderencia.Models;
using Aderencia.Pipeline;

namespace Aderencia.Server;

/// <summary>
/// Grades theses with the loaded model. Work is CPU-bound and runs on the request thread, one thread per request;
/// at most <see cref="ServeSettings.Concurrency"/> requests grade at once and the rest wait (no oversubscription).
/// </summary>
public sealed class Grader(AdherenceModel model, ThemeCatalog catalog, ServerMetrics metrics, int concurrency)
{
    private readonly SemaphoreSlim _gate = new(concurrency, concurrency);

    public AdherenceModel Model => model;
    public ThemeCatalog Catalog => catalog;

    /// <summary>Every theme of the thesis' state, graded and ranked by adherence (level, then P(MÉDIA) + 2·P(ALTA)).</summary>
    public async Task<MapResponse> MapAsync(Production thesis, bool justify, CancellationToken ct)
    {
        var themes = catalog.ForUf(thesis.Uf);
        if (themes.Count == 0)
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "No themes for this state",
                $"the loaded themes table has no themes for {thesis.Uf}; states with themes: {string.Join(", ", catalog.States)}");
        var pairs = new Pair[themes.Count];
        for (int i = 0; i < pairs.Length; i++) pairs[i] = new Pair(thesis, themes[i]);
        var graded = new GradedTheme[pairs.Length];
        var order = new float[pairs.Length];
        await _gate.WaitAsync(ct);
        try
        {
            var batch = model.Featurizer.Featurize(pairs, themes, threads: 1);
            var scored = model.Classifier.Predict(batch.Matrix, threads: 1);
            for (int i = 0; i < pairs.Length; i++)
            {
                ct.ThrowIfCancellationRequested();
                var p = scored.Row(i);
                var level = scored.Levels[i];
                string? why = null;
                ThemeEvidence? evidence = null;
                if (justify)
                {
                    var e = EvidenceCollector.Collect(model.Featurizer, model.Classifier, batch, i, level);
                    why = JustificationWriter.Write(level, e);
                    evidence = ToEvidence(e);
                }
                var t = themes[i];
                float score = p[1] + 2 * p[2];
                graded[i] = new GradedTheme(0, t.Id, t.Name, t.MacroTheme, level.ChallengeLabel(), p[0], p[1], p[2], score, why, evidence);
                order[i] = -((int)level * 4 + score);
            }
        }
        finally
        {
            _gate.Release();
        }
        metrics.PairsPredicted(pairs.Length);
        Array.Sort(order, graded);
        for (int i = 0; i < graded.Length; i++) graded[i] = graded[i] with { Rank = i + 1 };
        return new MapResponse(thesis.Id, thesis.Uf, Ufs.CodeOf(thesis.Uf) ?? "", justify, graded);
    }

    /// <summary>Levels, probabilities and (optionally) justifications for arbitrary pairs, in input order.</summary>
    public async Task<PairsResponse> PairsAsync(IReadOnlyList<Pair> pairs, bool justify, CancellationToken ct)
    {
        var result = new PairPrediction[pairs.Count];
        await _gate.WaitAsync(ct);
        try
        {
            var batch = model.Featurizer.Featurize(pairs, pairs.Select(p => p.Theme.Uf).Distinct().SelectMany(catalog.ForUf), threads: 1);
            var scored = model.Classifier.Predict(batch.Matrix, threads: 1);
            for (int i = 0; i < pairs.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var p = scored.Row(i);
                var level = scored.Levels[i];
                var pair = pairs[i];
                string? why = justify ? model.Justify(batch, i, level) : null;
                result[i] = new PairPrediction(i, pair.Production.Id, pair.Theme.Id, level.ChallengeLabel(), p[0], p[1], p[2], why);
            }
        }
        finally
        {
            _gate.Release();
        }
        metrics.PairsPredicted(pairs.Count);
        return new PairsResponse(result.Length, justify, result);
    }

    private static ThemeEvidence ToEvidence(PairEvidence e)
    {
        var keywords = e.Keywords.Select(k => new KeywordFound(k.Keyword, k.Fields.Select(FieldName).ToArray())).ToArray();
        var termsFor = e.TermsFor.Select(t => t.Surface).ToArray();
        var highlights = keywords.Select(k => k.PalavraChave).Concat(termsFor).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return new ThemeEvidence(keywords, termsFor, e.TermsAgainst.Select(t => t.Surface).ToArray(), highlights);
    }

    /// <summary>The field names the API uses for where evidence was found.</summary>
    public static string FieldName(ThesisField f) => f switch
    {
        ThesisField.Title => "titulo",
        ThesisField.Keywords => "palavras_chave",
        ThesisField.Abstract => "resumo",
        ThesisField.English => "ingles",
        _ => "contexto",
    };
}
