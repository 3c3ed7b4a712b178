using System.Globalization;
using System.Reflection;
using Aderencia.Features;
using Aderencia.Models;

namespace Aderencia.Pipeline;

/// <summary>
/// Reads the model list of `aderencia compare --config FILE`, JSON (comments and trailing commas allowed) or the
/// YAML subset of <see cref="CompareConfigYaml"/>, chosen by the extension (.json, .yaml / .yml) or else by the
/// content (JSON starts with '{', '[' or a '/' comment):
/// <c>{"models":[{"name":"logistic","type":"logistic","c":0.5,"params":{"k":"v"},"features":{"hash_bits":16},"tune":true,"encoding":"int8"}]}</c>.
/// Keys are matched ignoring case and underscores (hash_bits = hashBits = HashBits); an unknown key is an error
/// naming the file, the line and the key.
/// </summary>
public static class CompareConfigFile
{
    private static readonly string[] ModelKeys = ["name", "type", "c", "params", "features", "tune", "encoding", "class_weights", "max_iterations", "seed"];

    public static IReadOnlyList<CompareModelConfig> Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"compare config {path} does not exist", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <param name="text">The file's content.</param>
    /// <param name="source">File name, used to choose the format and in error messages.</param>
    public static IReadOnlyList<CompareModelConfig> Parse(string text, string source)
    {
        var root = IsYaml(text, source) ? CompareConfigYaml.Parse(text, source) : CompareConfigJson.Parse(text, source);
        if (root.Kind != CompareConfigKind.Object) throw Error(source, root.Line, "must be a mapping with one key, 'models', holding the list of models");
        CompareConfigNode? models = null;
        int modelsLine = root.Line;
        foreach (var m in root.Members)
        {
            if (Normalize(m.Key) == "models") (models, modelsLine) = (m.Value, m.Line);
            else throw Error(source, m.Line, $"has unknown key '{m.Key}' at the top level; the only key is 'models'");
        }
        if (models is not { Kind: CompareConfigKind.Array, Items.Count: > 0 })
            throw Error(source, modelsLine, "needs a non-empty list 'models'");
        var list = new List<CompareModelConfig>();
        var lines = new List<int>();
        for (int i = 0; i < models.Items.Count; i++)
        {
            list.Add(ParseModel(models.Items[i], source, $"models[{i}]"));
            lines.Add(models.Items[i].Line);
        }
        for (int i = 1; i < list.Count; i++)
            if (list.FindIndex(m => m.Name == list[i].Name) is var first && first < i)
                throw Error(source, lines[i], $"names the model '{list[i].Name}' twice (models[{first}] and models[{i}]); give each model its own name");
        return list;
    }

    private static bool IsYaml(string text, string source) => Path.GetExtension(source).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => true,
        ".json" => false,
        _ => text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n') is not ['{' or '[' or '/', ..],
    };

    private static CompareModelConfig ParseModel(CompareConfigNode e, string source, string where)
    {
        if (e.Kind != CompareConfigKind.Object) throw Error(source, e.Line, $"{where} must be a mapping of settings");
        var options = new TrainOptions();
        string? name = null;
        var encoding = SectionEncoding.Float32;
        foreach (var (key, line, value) in e.Members)
        {
            var at = new At(source, line, Join(where, key));
            switch (Normalize(key))
            {
                case "name": name = String(value, at); break;
                case "type":
                    var type = String(value, at);
                    if (!ModelRegistry.Types.Contains(type, StringComparer.Ordinal))
                        throw at.Error($"names an unknown learner '{type}'; choose one of: {string.Join(", ", ModelRegistry.Types)}");
                    options = options with { Type = type };
                    break;
                case "c":
                    double c = Number(value, at);
                    if (!(c > 0) || double.IsInfinity(c)) throw at.Error($"must be a positive number, not {c.ToString(CultureInfo.InvariantCulture)}");
                    options = options with { C = c };
                    break;
                case "tune": options = options with { TuneThresholds = Bool(value, at) }; break;
                case "seed": options = options with { Seed = (int)Number(value, at) }; break;
                case "maxiterations": options = options with { MaxIterations = Math.Max(1, (int)Number(value, at)) }; break;
                case "classweights":
                    options = options with
                    {
                        ClassWeights = String(value, at).ToLowerInvariant() switch
                        {
                            "balanced" => ClassWeighting.Balanced,
                            "none" => ClassWeighting.None,
                            var s => throw at.Error($"must be 'balanced' or 'none', not '{s}'"),
                        },
                    };
                    break;
                case "encoding":
                    encoding = String(value, at).ToLowerInvariant() switch
                    {
                        "f32" or "float32" => SectionEncoding.Float32,
                        "f16" or "float16" => SectionEncoding.Float16,
                        "int8" or "i8" => SectionEncoding.Int8,
                        var s => throw at.Error($"must be f32, f16 or int8, not '{s}'"),
                    };
                    break;
                case "params": options = options with { Parameters = Params(value, at) }; break;
                case "features": options = options with { Features = Features(value, at) }; break;
                default:
                    throw Error(source, line, $"{where} has unknown key '{key}'; known keys: {string.Join(", ", ModelKeys)}");
            }
        }
        return new CompareModelConfig(name ?? options.Type, options, encoding);
    }

    private static LearnerParameters Params(CompareConfigNode e, At at)
    {
        if (e.Kind != CompareConfigKind.Object) throw at.Error("must be a mapping of NAME: VALUE");
        return new LearnerParameters(e.Members.Select(m => KeyValuePair.Create(m.Key, m.Value.Kind switch
        {
            CompareConfigKind.String or CompareConfigKind.Number or CompareConfigKind.Bool => m.Value.Text,
            _ => throw Error(at.Source, m.Line, $"{Join(at.Path, m.Key)} must be a string, number or boolean"),
        })));
    }

    /// <summary>Any public settable property of <see cref="FeaturizerOptions"/> (int, double or bool), so new settings need no parser change.</summary>
    private static FeaturizerOptions Features(CompareConfigNode e, At at)
    {
        if (e.Kind != CompareConfigKind.Object) throw at.Error("must be a mapping of featurizer settings");
        var settable = typeof(FeaturizerOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && (p.PropertyType == typeof(int) || p.PropertyType == typeof(double) || p.PropertyType == typeof(bool)))
            .ToDictionary(p => Normalize(p.Name), StringComparer.Ordinal);
        var options = new FeaturizerOptions();
        foreach (var (key, line, value) in e.Members)
        {
            if (!settable.TryGetValue(Normalize(key), out var prop))
                throw Error(at.Source, line, $"{at.Path} has unknown key '{key}'; known keys: {string.Join(", ", settable.Values.Select(v => Snake(v.Name)))}");
            var here = new At(at.Source, line, Join(at.Path, key));
            object setting = prop.PropertyType == typeof(bool) ? Bool(value, here)
                : prop.PropertyType == typeof(int) ? (object)(int)Number(value, here)
                : Number(value, here);
            prop.SetValue(options, setting);
        }
        try { options.Validate(); }
        catch (ArgumentOutOfRangeException ex) { throw Error(at.Source, at.Line, $"{at.Path}: {ex.Message.Split(Environment.NewLine)[0]}"); }
        return options;
    }

    private static string String(CompareConfigNode e, At at) =>
        e is { Kind: CompareConfigKind.String, Text.Length: > 0 } ? e.Text : throw at.Error("must be a non-empty string");

    private static double Number(CompareConfigNode e, At at) =>
        e.Kind == CompareConfigKind.Number ? double.Parse(e.Text, NumberStyles.Float, CultureInfo.InvariantCulture) : throw at.Error("must be a number");

    private static bool Bool(CompareConfigNode e, At at) =>
        e.Kind == CompareConfigKind.Bool ? e.Text == "true" : throw at.Error("must be true or false");

    /// <summary>Where a setting is: file, line and key path, for its error messages.</summary>
    private readonly record struct At(string Source, int Line, string Path)
    {
        public FormatException Error(string what) => CompareConfigFile.Error(Source, Line, $"{Path} {what}");
    }

    private static string Normalize(string key) => key.Replace("_", "").Replace("-", "").ToLowerInvariant();

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    internal static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    internal static FormatException Error(string source, int line, string what) => new($"compare config {source}, line {line}: {what}");
}
