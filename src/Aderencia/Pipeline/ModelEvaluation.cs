using Aderencia.Domain;
using Aderencia.Evaluation;
using Aderencia.Models;

namespace Aderencia.Pipeline;

/// <summary>Scores a model on labelled pairs and computes the full evaluation (report, binary views, intervals, breakdowns).</summary>
public static class ModelEvaluation
{
    public static EvaluationResult Evaluate(AdherenceModel model, IReadOnlyList<LabeledPair> pairs, int threads = 2, EvaluationOptions? options = null)
    {
        var labeled = pairs.Where(p => p.Level is not null).ToList();
        var scored = model.Score(labeled.Select(p => p.Pair).ToList(), threads);
        return Evaluate(labeled, scored, options);
    }

    public static EvaluationResult Evaluate(IReadOnlyList<LabeledPair> labeled, Predictions scored, EvaluationOptions? options = null) =>
        Evaluator.Evaluate(new EvaluationInput
        {
            Truth = labeled.Select(p => p.Level!.Value).ToArray(),
            Predicted = scored.Levels,
            Probabilities = scored.Probabilities,
            Ufs = labeled.Select(p => p.Theme.Uf).ToArray(),
            ThemeIds = labeled.Select(p => p.Theme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            ThesisIds = labeled.Select(p => p.Production.Id).ToArray(),
            Descriptions = labeled.Select(p => $"{Clip(p.Production.Title)} × {p.Theme.Name}").ToArray(),
        }, options);

    private static string Clip(string s) => s.Length <= 70 ? s : s[..70] + "…";
}
