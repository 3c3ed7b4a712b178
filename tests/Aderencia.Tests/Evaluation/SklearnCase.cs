using System.Text.Json;
using Aderencia.Domain;

namespace Aderencia.Tests.Evaluation;

/// <summary>One case written by tools/evaluation/make_metrics.py with scikit-learn's answers.</summary>
internal sealed class SklearnCase
{
    public const double Tolerance = 1e-12;

    public static readonly TheoryData<string> Names = new()
    {
        "random_50", "challenge_5000", "noisy_5000", "never_predicted_alta", "absent_true_baixa", "perfect", "all_baixa", "ties_digits2",
    };

    private SklearnCase(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public static SklearnCase Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "fixtures", "evaluation", name + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return new SklearnCase(doc.RootElement.Clone());
    }

    public static JsonElement LoadRaw(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "evaluation", name + ".json")));
        return doc.RootElement.Clone();
    }

    public AdherenceLevel[] Truth => Levels("y_true");
    public AdherenceLevel[] Predicted => Levels("y_pred");
    public bool Has(string property) => Root.TryGetProperty(property, out var v) && v.ValueKind != JsonValueKind.Null;
    public double Number(string property) => Root.GetProperty(property).GetDouble();
    public double[] Numbers(string property) => Root.GetProperty(property).EnumerateArray().Select(e => e.GetDouble()).ToArray();
    public float[] Probabilities => Root.GetProperty("probabilities").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
    public string[] Strings(string property) => Root.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static int[][] Matrix(JsonElement e) => e.EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();

    private AdherenceLevel[] Levels(string property) =>
        Root.GetProperty(property).EnumerateArray().Select(e => (AdherenceLevel)e.GetInt32()).ToArray();
}
