using System.Reflection;
using System.Text.Json;
using Aderencia.Features;
using Aderencia.Models;

namespace Aderencia.Pipeline;

/// <summary>
/// Reads the model list of `aderencia compare --config FILE` (JSON; comments and trailing commas allowed):
/// <c>{"models":[{"name":"logistic","type":"logistic","c":0.5,"params":{"k":"v"},"features":{"hash_bits":16},"tune":true,"encoding":"int8"}]}</c>.
/// Keys are matched ignoring case and underscores (hash_bits = hashBits = HashBits); an unknown key is an error
/// naming the file and the key.
/// </summary>
public static class CompareConfigFile
{
    private static readonly string[] ModelKeys = ["name", "type", "c", "params", "features", "tune", "encoding", "class_weights", "max_iterations", "seed"];

    public static IReadOnlyList<CompareModelConfig> Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"compare config {path} does not exist", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <param name="source">File name used in error messages.</param>
    public static IReadOnlyList<CompareModelConfig> Parse(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw Error(source, $"not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Error(source, "must be a JSON object like {\"models\": [...]}");
            JsonElement models = default;
            foreach (var p in root.EnumerateObject())
            {
                if (Normalize(p.Name) == "models") models = p.Value;
                else throw Error(source, $"has unknown key '{p.Name}' at the top level; the only key is 'models'");
            }
            if (models.ValueKind != JsonValueKind.Array || models.GetArrayLength() == 0)
                throw Error(source, "needs a non-empty array 'models'");
            var list = new List<CompareModelConfig>();
            int i = 0;
            foreach (var m in models.EnumerateArray()) list.Add(ParseModel(m, source, $"models[{i++}]"));
            var duplicate = list.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw Error(source, $"names the model '{duplicate.Key}' twice; give each model its own name");
            return list;
        }
    }

    private static CompareModelConfig ParseModel(JsonElement e, string source, string where)
    {
        if (e.ValueKind != JsonValueKind.Object) throw Error(source, $"{where} must be an object");
        var options = new TrainOptions();
        string? name = null;
        var encoding = SectionEncoding.Float32;
        foreach (var p in e.EnumerateObject())
        {
            string at = $"{where}.{p.Name}";
            switch (Normalize(p.Name))
            {
                case "name": name = String(p.Value, source, at); break;
                case "type":
                    var type = String(p.Value, source, at);
                    if (!ModelRegistry.Types.Contains(type, StringComparer.Ordinal))
                        throw Error(source, $"{at}: unknown learner '{type}'; choose one of: {string.Join(", ", ModelRegistry.Types)}");
                    options = options with { Type = type };
                    break;
                case "c":
                    double c = Number(p.Value, source, at);
                    if (!(c > 0) || double.IsInfinity(c)) throw Error(source, $"{at} must be a positive number, not {c}");
                    options = options with { C = c };
                    break;
                case "tune": options = options with { TuneThresholds = Bool(p.Value, source, at) }; break;
                case "seed": options = options with { Seed = (int)Number(p.Value, source, at) }; break;
                case "maxiterations": options = options with { MaxIterations = Math.Max(1, (int)Number(p.Value, source, at)) }; break;
                case "classweights":
                    options = options with
                    {
                        ClassWeights = String(p.Value, source, at).ToLowerInvariant() switch
                        {
                            "balanced" => ClassWeighting.Balanced,
                            "none" => ClassWeighting.None,
                            var s => throw Error(source, $"{at} must be 'balanced' or 'none', not '{s}'"),
                        },
                    };
                    break;
                case "encoding":
                    encoding = String(p.Value, source, at).ToLowerInvariant() switch
                    {
                        "f32" or "float32" => SectionEncoding.Float32,
                        "f16" or "float16" => SectionEncoding.Float16,
                        "int8" or "i8" => SectionEncoding.Int8,
                        var s => throw Error(source, $"{at} must be f32, f16 or int8, not '{s}'"),
                    };
                    break;
                case "params": options = options with { Parameters = Params(p.Value, source, at) }; break;
                case "features": options = options with { Features = Features(p.Value, source, at) }; break;
                default:
                    throw Error(source, $"{where} has unknown key '{p.Name}'; known keys: {string.Join(", ", ModelKeys)}");
            }
        }
        return new CompareModelConfig(name ?? options.Type, options, encoding);
    }

    private static LearnerParameters Params(JsonElement e, string source, string at)
    {
        if (e.ValueKind != JsonValueKind.Object) throw Error(source, $"{at} must be an object of NAME: VALUE");
        return new LearnerParameters(e.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString()!,
            JsonValueKind.Number => p.Value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw Error(source, $"{at}.{p.Name} must be a string, number or boolean"),
        })));
    }

    /// <summary>Any public settable property of <see cref="FeaturizerOptions"/> (int, double or bool), so new settings need no parser change.</summary>
    private static FeaturizerOptions Features(JsonElement e, string source, string at)
    {
        if (e.ValueKind != JsonValueKind.Object) throw Error(source, $"{at} must be an object of featurizer settings");
        var settable = typeof(FeaturizerOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && (p.PropertyType == typeof(int) || p.PropertyType == typeof(double) || p.PropertyType == typeof(bool)))
            .ToDictionary(p => Normalize(p.Name), StringComparer.Ordinal);
        var options = new FeaturizerOptions();
        foreach (var p in e.EnumerateObject())
        {
            string key = $"{at}.{p.Name}";
            if (!settable.TryGetValue(Normalize(p.Name), out var prop))
                throw Error(source, $"{at} has unknown key '{p.Name}'; known keys: {string.Join(", ", settable.Values.Select(v => Snake(v.Name)))}");
            object value = prop.PropertyType == typeof(bool) ? Bool(p.Value, source, key)
                : prop.PropertyType == typeof(int) ? (object)(int)Number(p.Value, source, key)
                : Number(p.Value, source, key);
            prop.SetValue(options, value);
        }
        try { options.Validate(); }
        catch (ArgumentOutOfRangeException ex) { throw Error(source, $"{at}: {ex.Message.Split(Environment.NewLine)[0]}"); }
        return options;
    }

    private static string String(JsonElement e, string source, string at) =>
        e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } s ? s : throw Error(source, $"{at} must be a non-empty string");

    private static double Number(JsonElement e, string source, string at) =>
        e.ValueKind == JsonValueKind.Number ? e.GetDouble() : throw Error(source, $"{at} must be a number");

    private static bool Bool(JsonElement e, string source, string at) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error(source, $"{at} must be true or false"),
    };

    private static string Normalize(string key) => key.Replace("_", "").Replace("-", "").ToLowerInvariant();

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    private static FormatException Error(string source, string what) => new($"compare config {source}: {what}");
}
