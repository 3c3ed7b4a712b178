using System.Globalization;
using System.Text.Json.Serialization;

namespace Aderencia.Models;

/// <summary>
/// Learner-specific hyper-parameters as text key/value pairs ("dim=32", "epochs=10"), parsed on demand so every
/// learner can document its own keys while the CLI, the compare config and the model card stay generic.
/// </summary>
[JsonConverter(typeof(LearnerParametersJsonConverter))]
public sealed class LearnerParameters
{
    private readonly SortedDictionary<string, string> _values;

    public LearnerParameters(IEnumerable<KeyValuePair<string, string>> values)
    {
        _values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in values)
        {
            if (string.IsNullOrWhiteSpace(k)) throw new ArgumentException("a learner parameter needs a name (NAME=VALUE)");
            _values[k.Trim()] = v.Trim();
        }
    }

    public static LearnerParameters Empty { get; } = new([]);

    public IReadOnlyDictionary<string, string> Values => _values;

    public bool IsEmpty => _values.Count == 0;

    /// <summary>Parses "NAME=VALUE" items as given on the command line (`--param dim=32`).</summary>
    public static LearnerParameters Parse(IEnumerable<string> items) => new(items.Select(item =>
    {
        int eq = item.IndexOf('=');
        if (eq <= 0) throw new ArgumentException($"learner parameter '{item}' must look like NAME=VALUE");
        return KeyValuePair.Create(item[..eq], item[(eq + 1)..]);
    }));

    public string? this[string name] => _values.TryGetValue(name, out var v) ? v : null;

    public int GetInt(string name, int fallback) => Get(name, fallback, s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture));

    public double GetDouble(string name, double fallback) => Get(name, fallback, s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));

    public bool GetBool(string name, bool fallback) => Get(name, fallback, s => s.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new FormatException(),
    });

    public string GetString(string name, string fallback) => this[name] ?? fallback;

    /// <summary>Fails naming the keys a learner does not understand, so a typo is not silently ignored.</summary>
    public void EnsureOnly(string learner, params string[] known)
    {
        var unknown = _values.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"learner '{learner}' does not take parameter(s) {string.Join(", ", unknown)}; it takes: " +
                                        (known.Length == 0 ? "none" : string.Join(", ", known)));
    }

    private T Get<T>(string name, T fallback, Func<string, T> parse)
    {
        if (!_values.TryGetValue(name, out var s)) return fallback;
        try
        {
            return parse(s);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new ArgumentException($"learner parameter {name}={s} is not a valid {typeof(T).Name.ToLowerInvariant()}");
        }
    }

    public override string ToString() => string.Join(" ", _values.Select(kv => $"{kv.Key}={kv.Value}"));
}
