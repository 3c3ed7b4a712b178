using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aderencia.Reports;

/// <summary>ranking.json: the context, our models in rank order, and the reference rows labelled as such. snake_case keys.</summary>
public static class RankingJson
{
    public static string Serialize(Comparison c)
    {
        var x = c.Context;
        var root = new JsonObject
        {
            ["created"] = x.Created.ToString("O"),
            ["data"] = x.Data,
            ["protocol"] = x.Protocol,
            ["seed"] = x.Seed,
            ["train_pairs"] = x.TrainPairs,
            ["eval_pairs"] = x.EvalPairs,
            ["test_pairs"] = x.TestPairs,
            ["machine"] = x.Machine,
            ["energy_method"] = x.EnergyMethod,
            ["total_seconds"] = x.TotalSeconds,
            ["ranked_by"] = "macro_f1",
            ["models"] = new JsonArray(c.Models.Select(Model).ToArray<JsonNode?>()),
            ["references"] = new JsonObject
            {
                ["note"] = c.References.Note,
                ["source"] = c.References.Source,
                ["test_pairs"] = c.References.TestPairs,
                ["rows"] = new JsonArray(c.References.Results.Select((r, i) => Reference(c.References, r, i)).ToArray<JsonNode?>()),
            },
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Model(ComparedModel m) => new()
    {
        ["rank"] = m.Rank,
        ["name"] = m.Name,
        ["type"] = m.Type,
        ["encoding"] = m.Encoding,
        ["accuracy"] = m.Evaluation.Accuracy,
        ["macro_f1"] = m.MacroF1,
        ["macro_f1_ci95"] = new JsonArray(m.Evaluation.Ci.MacroF1.Low, m.Evaluation.Ci.MacroF1.High),
        ["weighted_f1"] = m.Evaluation.WeightedF1,
        ["f1"] = new JsonObject { ["BAIXA"] = Finite(m.F1("BAIXA")), ["MEDIA"] = Finite(m.F1("MEDIA")), ["ALTA"] = Finite(m.F1("ALTA")) },
        ["train_seconds"] = m.TrainSeconds,
        ["inference_seconds"] = m.InferenceSeconds,
        ["inference_pairs"] = m.InferencePairs,
        ["inference_seconds_per_100_pairs"] = Finite(m.SecondsPer100Pairs),
        ["inference_seconds_per_pair"] = Finite(m.SecondsPerPair),
        ["peak_memory_bytes"] = m.PeakMemoryBytes,
        ["file_bytes"] = m.FileBytes,
        ["parameters_total"] = m.Parameters.Total,
        ["parameters_trainable"] = m.Parameters.Trainable,
        ["train_energy_kwh"] = m.TrainEnergyKwh,
        ["inference_energy_kwh"] = m.InferenceEnergyKwh,
        ["energy_kwh"] = m.EnergyKwh,
        ["co2_kg"] = m.Co2Kg,
        ["pareto_front"] = m.OnParetoFront,
        ["shared_training_with"] = m.SharedTrainingWith,
    };

    /// <summary>JSON has no NaN: an undefined number is written as null.</summary>
    private static JsonNode? Finite(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;

    private static JsonObject Reference(ReferenceResults refs, ReferenceResult r, int i) => new()
    {
        ["label"] = RankingTable.ReferenceLabel(i),
        ["name"] = r.Name,
        ["reference"] = true,
        ["accuracy"] = r.Accuracy,
        ["macro_f1"] = r.MacroF1,
        ["weighted_f1"] = r.WeightedF1,
        ["f1"] = new JsonObject { ["BAIXA"] = r.F1[0], ["MEDIA"] = r.F1[1], ["ALTA"] = r.F1[2] },
        ["train_seconds"] = r.TrainSeconds,
        ["inference_seconds"] = r.InferenceSeconds,
        ["inference_seconds_per_100_pairs"] = refs.SecondsPer100Pairs(r),
        ["energy_kwh"] = r.EnergyKwh,
        ["co2_kg"] = refs.Co2Kg(r),
    };
}
