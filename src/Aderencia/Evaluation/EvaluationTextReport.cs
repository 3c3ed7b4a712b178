using System.Globalization;
using System.Text;
using Aderencia.Domain;

namespace Aderencia.Evaluation;

/// <summary>The human-readable report: sklearn's table, the confusion matrix, binary views, kappa, intervals, breakdowns.</summary>
public static class EvaluationTextReport
{
    public static string Render(EvaluationResult r, int digits = 4, int maxGroups = 15)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{r.Rows} rows\n\n");
        sb.Append(r.Report().ToString(digits)).Append('\n');

        sb.Append("Confusion matrix (rows: true level, columns: predicted)\n");
        sb.Append(' ', 8);
        foreach (var level in AdherenceLevels.All) sb.Append(level.Label().PadLeft(8));
        sb.Append('\n');
        foreach (var t in AdherenceLevels.All)
        {
            sb.Append(t.Label().PadLeft(8));
            foreach (var count in r.Confusion[(int)t]) sb.Append(count.ToString(CultureInfo.InvariantCulture).PadLeft(8));
            sb.Append('\n');
        }

        sb.Append("\nBinary views (positive class scores; macro-F1 over both classes)\n");
        sb.Append($"{"",-22}{"precision",10}{"recall",10}{"f1",10}{"macro-F1",10}{"accuracy",10}     TN     FP     FN     TP\n");
        foreach (var v in (ReadOnlySpan<BinaryView>)[r.BinaryAltaVsRest, r.BinaryMediaAltaVsBaixa])
        {
            sb.Append(v.Name.PadRight(22));
            foreach (double x in (ReadOnlySpan<double>)[v.Precision, v.Recall, v.F1, v.MacroF1, v.Accuracy]) sb.Append(F(x, digits).PadLeft(10));
            foreach (int c in (ReadOnlySpan<int>)[v.Confusion[0][0], v.Confusion[0][1], v.Confusion[1][0], v.Confusion[1][1]])
                sb.Append(c.ToString(CultureInfo.InvariantCulture).PadLeft(7));
            sb.Append('\n');
        }

        sb.Append("\nQuadratic weighted kappa: ").Append(r.Qwk is { } q ? F(q, digits) : "undefined (one level only)").Append('\n');
        if (r.LogLoss is { } loss) sb.Append("Log loss: ").Append(F(loss, digits)).Append('\n');
        var ci = r.Ci;
        sb.Append(CultureInfo.InvariantCulture,
            $"{ci.Confidence * 100:0.##}% bootstrap intervals ({ci.Resamples} resamples, seed {ci.Seed}): accuracy [{F(ci.Accuracy.Low, digits)}, {F(ci.Accuracy.High, digits)}], macro-F1 [{F(ci.MacroF1.Low, digits)}, {F(ci.MacroF1.High, digits)}]\n");

        Groups(sb, "UF", r.PerUf, digits, maxGroups);
        Groups(sb, "theme", r.PerTheme, digits, maxGroups);

        if (r.WorstConfusions.Count > 0) sb.Append("\nWorst confusions\n");
        foreach (var w in r.WorstConfusions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  true {w.Truth} → predicted {w.Predicted}: {w.Count} rows\n");
            foreach (var e in w.Examples)
            {
                sb.Append(CultureInfo.InvariantCulture, $"    row {e.Row}");
                if (e.Confidence is { } c) sb.Append(" p=").Append(F(c, 3));
                if (e.ThesisId is not null) sb.Append(" thesis ").Append(e.ThesisId);
                if (e.ThemeId is not null) sb.Append(" theme ").Append(e.ThemeId);
                if (e.Uf is not null) sb.Append(" (").Append(e.Uf).Append(')');
                if (!string.IsNullOrEmpty(e.Description)) sb.Append(": ").Append(e.Description);
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }

    private static void Groups(StringBuilder sb, string what, IReadOnlyList<GroupScores>? groups, int digits, int max)
    {
        if (groups is null || groups.Count == 0) return;
        int width = Math.Max(what.Length, groups.Max(g => g.Key.Length));
        sb.Append(CultureInfo.InvariantCulture, $"\nPer {what} (largest first)\n{what.PadRight(width)}  {"support",8}{"accuracy",10}{"macro-F1",10}\n");
        foreach (var g in groups.OrderByDescending(g => g.Support).ThenBy(g => g.Key, StringComparer.Ordinal).Take(max))
            sb.Append(CultureInfo.InvariantCulture, $"{g.Key.PadRight(width)}  {g.Support,8}{F(g.Accuracy, digits),10}{F(g.MacroF1, digits),10}\n");
        if (groups.Count > max) sb.Append(CultureInfo.InvariantCulture, $"… {groups.Count - max} more in the JSON report\n");
    }

    private static string F(double value, int digits) => PythonFixed.Format(value, digits);
}
