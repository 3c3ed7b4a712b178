using Aderencia.Domain;

namespace Aderencia.Evaluation;

public static class Evaluator
{
    /// <summary>Scores predictions against the truth: report, binary views, kappa, log loss, intervals, breakdowns.</summary>
    public static EvaluationResult Evaluate(EvaluationInput input, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new EvaluationOptions();
        input.Validate();

        var confusion = ConfusionMatrix.From(input.Truth, input.Predicted);
        var report = ClassificationReport.From(confusion);
        double kappa = CohenKappa.QuadraticWeighted(confusion);
        var perClass = new Dictionary<string, ClassScores>(AdherenceLevels.Count);
        foreach (var level in AdherenceLevels.All) perClass.Add(level.ChallengeLabel(), report.PerClass[(int)level]);

        return new EvaluationResult
        {
            Rows = input.Truth.Length,
            Accuracy = report.Accuracy,
            MacroF1 = report.MacroF1,
            WeightedF1 = report.WeightedF1,
            PerClass = perClass,
            MacroAvg = report.MacroAvg,
            WeightedAvg = report.WeightedAvg,
            Confusion = confusion.ToRows(),
            BinaryAltaVsRest = BinaryView.AltaVsRest(confusion),
            BinaryMediaAltaVsBaixa = BinaryView.MediaAltaVsBaixa(confusion),
            Qwk = double.IsNaN(kappa) ? null : kappa,
            LogLoss = input.Probabilities is null ? null : Evaluation.LogLoss.Compute(input.Truth, input.Probabilities),
            Ci = Bootstrap.Compute(input.Truth, input.Predicted, options.BootstrapResamples, options.Confidence, options.Seed, options.Threads),
            PerUf = input.Ufs is null ? null : GroupBreakdown.Compute(input.Ufs, input.Truth, input.Predicted),
            PerTheme = input.ThemeIds is null ? null : GroupBreakdown.Compute(input.ThemeIds, input.Truth, input.Predicted),
            WorstConfusions = WorstConfusions.Compute(input, options.WorstConfusionCells, options.ExamplesPerConfusion),
        };
    }
}
