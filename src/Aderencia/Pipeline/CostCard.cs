using System.Text.Json.Nodes;
using Aderencia.Cost;
using Aderencia.Evaluation;

namespace Aderencia.Pipeline;

/// <summary>The compact JSON that model cards and run records keep of a cost measurement and of an evaluation.</summary>
public static class CostCard
{
    public static JsonObject ToJson(CostMeasurement m) => new()
    {
        ["wall_s"] = Math.Round(m.WallSeconds, 4),
        ["cpu_s"] = Math.Round(m.CpuSeconds, 4),
        ["peak_working_set_mb"] = Math.Round(m.PeakWorkingSetBytes / 1048576.0, 1),
        ["peak_managed_mb"] = Math.Round(m.PeakManagedHeapBytes / 1048576.0, 1),
        ["energy_kwh"] = m.EnergyKwh,
        ["emissions_kg"] = m.EmissionsKg,
        ["energy_method"] = m.Method.ToString(),
        ["country"] = m.CountryIso,
    };

    public static JsonObject Metrics(EvaluationResult r) => new()
    {
        ["rows"] = r.Rows,
        ["accuracy"] = r.Accuracy,
        ["macro_f1"] = r.MacroF1,
        ["weighted_f1"] = r.WeightedF1,
        ["macro_f1_ci"] = new JsonArray(r.Ci.MacroF1.Low, r.Ci.MacroF1.High),
        ["f1_baixa"] = r.PerClass["BAIXA"].F1,
        ["f1_media"] = r.PerClass["MEDIA"].F1,
        ["f1_alta"] = r.PerClass["ALTA"].F1,
        ["binary_alta_vs_rest_macro_f1"] = r.BinaryAltaVsRest.MacroF1,
        ["binary_media_alta_vs_baixa_macro_f1"] = r.BinaryMediaAltaVsBaixa.MacroF1,
        ["qwk"] = r.Qwk,
    };
}
