using System.Text;
using Aderencia.Domain;

namespace Aderencia.Evaluation;

/// <summary>
/// Accuracy, per-class precision / recall / F1 / support and their macro and weighted averages, with scikit-learn's
/// definitions (zero_division=0, every class of the matrix counted, as with labels=[0, 1, 2]).
/// </summary>
public sealed class ClassificationReport
{
    private const string LongestHeading = "weighted avg";

    private ClassificationReport(IReadOnlyList<string> names, ClassScores[] perClass, double accuracy, ClassScores macro, ClassScores weighted)
    {
        Names = names;
        PerClass = perClass;
        Accuracy = accuracy;
        MacroAvg = macro;
        WeightedAvg = weighted;
    }

    public IReadOnlyList<string> Names { get; }
    public IReadOnlyList<ClassScores> PerClass { get; }
    public double Accuracy { get; }
    /// <summary>Unweighted means over the classes; Support is the number of rows.</summary>
    public ClassScores MacroAvg { get; }
    /// <summary>Means weighted by each class's support; Support is the number of rows.</summary>
    public ClassScores WeightedAvg { get; }
    public int Support => MacroAvg.Support;
    public double MacroF1 => MacroAvg.F1;
    public double WeightedF1 => WeightedAvg.F1;

    public static ClassificationReport From(ReadOnlySpan<AdherenceLevel> truth, ReadOnlySpan<AdherenceLevel> predicted) =>
        From(ConfusionMatrix.From(truth, predicted));

    /// <summary>Builds the report; names default to BAIXA / MÉDIA / ALTA for 3 classes and to the class index otherwise.</summary>
    public static ClassificationReport From(ConfusionMatrix confusion, IReadOnlyList<string>? names = null)
    {
        int k = confusion.Classes;
        names ??= k == AdherenceLevels.Count
            ? AdherenceLevels.All.Select(l => l.Label()).ToArray()
            : Enumerable.Range(0, k).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (names.Count != k) throw new ArgumentException($"{names.Count} class names for a {k}-class matrix", nameof(names));

        var perClass = new ClassScores[k];
        double sp = 0, sr = 0, sf = 0, wp = 0, wr = 0, wf = 0;
        int total = 0;
        for (int c = 0; c < k; c++)
        {
            var s = Prf.Class(confusion.Counts, k, c);
            perClass[c] = s;
            sp += s.Precision; sr += s.Recall; sf += s.F1;
            wp += s.Precision * s.Support; wr += s.Recall * s.Support; wf += s.F1 * s.Support;
            total += s.Support;
        }
        var macro = new ClassScores(sp / k, sr / k, sf / k, total);
        var weighted = total == 0
            ? new ClassScores(0, 0, 0, 0)
            : new ClassScores(wp / total, wr / total, wf / total, total);
        return new ClassificationReport(names, perClass, confusion.Accuracy, macro, weighted);
    }

    public override string ToString() => ToString(2);

    /// <summary>The table of sklearn's classification_report, character for character.</summary>
    public string ToString(int digits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        int width = Math.Max(Math.Max(Names.Max(n => n.Length), LongestHeading.Length), digits);
        var sb = new StringBuilder();
        sb.Append(' ', width).Append(' ');
        foreach (var h in (ReadOnlySpan<string>)["precision", "recall", "f1-score", "support"]) sb.Append(' ').Append(h.PadLeft(9));
        sb.Append("\n\n");
        for (int c = 0; c < PerClass.Count; c++) Row(sb, Names[c], PerClass[c], width, digits);
        sb.Append('\n');
        sb.Append("accuracy".PadLeft(width)).Append(' ').Append(' ', 20)
          .Append(' ').Append(PythonFixed.Format(Accuracy, digits).PadLeft(9))
          .Append(' ').Append(Support.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(9)).Append('\n');
        Row(sb, "macro avg", MacroAvg, width, digits);
        Row(sb, LongestHeading, WeightedAvg, width, digits);
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string name, ClassScores s, int width, int digits)
    {
        sb.Append(name.PadLeft(width)).Append(' ');
        sb.Append(' ').Append(PythonFixed.Format(s.Precision, digits).PadLeft(9));
        sb.Append(' ').Append(PythonFixed.Format(s.Recall, digits).PadLeft(9));
        sb.Append(' ').Append(PythonFixed.Format(s.F1, digits).PadLeft(9));
        sb.Append(' ').Append(s.Support.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(9)).Append('\n');
    }
}
