using System.Text.Json.Nodes;
using Aderencia.Domain;
using Aderencia.Models;

namespace Aderencia.Pipeline;

/// <summary>How well one labelling agrees with another on the same pairs.</summary>
/// <param name="Kappa">Cohen's (unweighted) kappa: (p_o − p_e) / (1 − p_e); NaN when p_e = 1.</param>
public sealed record Agreement(int Pairs, double Accuracy, double MacroF1, double Kappa)
{
    public static Agreement Of(ReadOnlySpan<AdherenceLevel> reference, ReadOnlySpan<AdherenceLevel> other)
    {
        if (reference.Length != other.Length) throw new ArgumentException($"{reference.Length} reference labels but {other.Length} others");
        int n = reference.Length;
        Span<int> a = stackalloc int[3];
        Span<int> b = stackalloc int[3];
        int same = 0;
        for (int i = 0; i < n; i++)
        {
            a[(int)reference[i]]++;
            b[(int)other[i]]++;
            if (reference[i] == other[i]) same++;
        }
        double po = n == 0 ? double.NaN : (double)same / n, pe = 0;
        for (int c = 0; c < 3; c++) pe += (double)a[c] * b[c] / ((double)n * n);
        double kappa = pe >= 1 ? double.NaN : (po - pe) / (1 - pe);
        return new Agreement(n, po, n == 0 ? double.NaN : LevelMetrics.MacroF1(reference, other), kappa);
    }

    public JsonObject ToJson() => new()
    {
        ["pairs"] = Pairs,
        ["accuracy"] = Finite(Accuracy),
        ["macro_f1"] = Finite(MacroF1),
        ["kappa"] = Finite(Kappa),
    };

    private static JsonNode? Finite(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;

    public override string ToString() => $"{Pairs:N0} pairs: accuracy {Accuracy:F4}, macro-F1 {MacroF1:F4}, Cohen's kappa {Kappa:F4}";
}

/// <summary>A distilled model scored against its teacher and, where the file has them, against the gold labels.</summary>
/// <param name="VsGold">Model vs gold on the held-out pairs that have a gold label.</param>
/// <param name="TeacherVsGold">Teacher vs gold on those same pairs: the ceiling a faithful student approaches.</param>
public sealed record TeacherAgreement(Agreement VsTeacher, Agreement? VsGold, Agreement? TeacherVsGold)
{
    /// <param name="heldOut">Held-out pairs carrying the teacher's levels.</param>
    /// <param name="predicted">The model's levels for <paramref name="heldOut"/>, in order.</param>
    public static TeacherAgreement Compute(IReadOnlyList<LabeledPair> heldOut, ReadOnlySpan<AdherenceLevel> predicted,
        IReadOnlyDictionary<(string HashId, int TemaId), AdherenceLevel> gold)
    {
        if (heldOut.Count != predicted.Length) throw new ArgumentException($"{heldOut.Count} pairs but {predicted.Length} predictions");
        var teacher = heldOut.Select(p => p.Level ?? throw new ArgumentException("a held-out pair has no teacher level")).ToArray();
        var vsTeacher = Agreement.Of(teacher, predicted);
        var withGold = Enumerable.Range(0, heldOut.Count).Where(i => gold.ContainsKey((heldOut[i].Production.Id, heldOut[i].Theme.Id))).ToArray();
        if (withGold.Length == 0) return new TeacherAgreement(vsTeacher, null, null);
        var g = withGold.Select(i => gold[(heldOut[i].Production.Id, heldOut[i].Theme.Id)]).ToArray();
        var model = predicted.ToArray();
        return new TeacherAgreement(vsTeacher,
            Agreement.Of(g, withGold.Select(i => model[i]).ToArray()),
            Agreement.Of(g, withGold.Select(i => teacher[i]).ToArray()));
    }

    public JsonObject ToJson() => new()
    {
        ["vs_teacher"] = VsTeacher.ToJson(),
        ["vs_gold"] = VsGold?.ToJson(),
        ["teacher_vs_gold"] = TeacherVsGold?.ToJson(),
    };
}
