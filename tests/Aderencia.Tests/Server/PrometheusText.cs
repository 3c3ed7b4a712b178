using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Aderencia.Tests.Server;

/// <summary>One sample line: metric name, labels in written order, value.</summary>
public sealed record PromSample(string Name, IReadOnlyList<KeyValuePair<string, string>> Labels, double Value)
{
    public string? Label(string name) => Labels.FirstOrDefault(l => l.Key == name).Value;
}

/// <summary>A metric family: its TYPE, HELP and samples (histogram samples include the _bucket, _sum and _count lines).</summary>
public sealed record PromFamily(string Name, string Type, string? Help, List<PromSample> Samples);

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats):
/// it throws FormatException on a malformed line, a sample without a TYPE before it, a family split by another, a
/// repeated series, and a histogram whose buckets are not cumulative, lack +Inf, or disagree with _count, or lacks _sum.
/// </summary>
public static partial class PrometheusText
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static IReadOnlyDictionary<string, PromFamily> Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n')) throw new FormatException("the last line must end with a line feed");
        var families = new Dictionary<string, PromFamily>(StringComparer.Ordinal);
        var closed = new HashSet<string>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var lines = text.Split('\n')[..^1];
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n];
            string where = $"line {n + 1} '{line}'";
            if (line.Length == 0) continue;
            if (line.StartsWith('#'))
            {
                var m = MetaLine().Match(line);
                if (!m.Success) continue;    // an ordinary comment
                string name = m.Groups["name"].Value, kind = m.Groups["kind"].Value, rest = m.Groups["rest"].Value;
                Enter(name, where);
                if (!families.TryGetValue(name, out var f)) families[name] = f = new PromFamily(name, "untyped", null, []);
                if (kind == "TYPE")
                {
                    if (f.Type != "untyped" || f.Samples.Count > 0) throw new FormatException($"{where}: TYPE must come once, before the family's samples");
                    if (!Types.Contains(rest)) throw new FormatException($"{where}: unknown type '{rest}'");
                    families[name] = f with { Type = rest };
                }
                else
                {
                    if (f.Help is not null) throw new FormatException($"{where}: HELP given twice");
                    families[name] = f with { Help = rest };
                }
                continue;
            }
            var sample = Sample(line, where);
            string family = FamilyOf(sample.Name, families);
            if (!families.TryGetValue(family, out var fam) || fam.Type == "untyped") throw new FormatException($"{where}: no TYPE line before the sample");
            Enter(family, where);
            string key = sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}";
            if (!series.Add(key)) throw new FormatException($"{where}: series {key} repeated");
            if (fam.Type == "counter" && !(sample.Value >= 0)) throw new FormatException($"{where}: a counter must not be negative");
            fam.Samples.Add(sample);
        }
        foreach (var f in families.Values.Where(f => f.Type == "histogram")) CheckHistogram(f);
        return families;

        void Enter(string family, string where)
        {
            if (family == current) return;
            if (current is not null) closed.Add(current);
            if (closed.Contains(family)) throw new FormatException($"{where}: lines of family {family} are split by another family");
            current = family;
        }
    }

    private static string FamilyOf(string name, Dictionary<string, PromFamily> families)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
            if (name.EndsWith(suffix, StringComparison.Ordinal) && families.TryGetValue(name[..^suffix.Length], out var f) && f.Type is "histogram" or "summary")
                return f.Name;
        return name;
    }

    private static void CheckHistogram(PromFamily f)
    {
        foreach (var group in f.Samples.GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").Select(l => $"{l.Key}={l.Value}"))))
        {
            string at = $"histogram {f.Name}{{{group.Key}}}";
            var buckets = group.Where(s => s.Name == f.Name + "_bucket").ToList();
            if (buckets.Count == 0) throw new FormatException($"{at}: no _bucket lines");
            var bounds = buckets.Select(b => ParseValue(b.Label("le") ?? throw new FormatException($"{at}: a bucket without le"), at)).ToList();
            for (int i = 1; i < buckets.Count; i++)
            {
                if (!(bounds[i] > bounds[i - 1])) throw new FormatException($"{at}: le bounds not increasing at {bounds[i]}");
                if (buckets[i].Value < buckets[i - 1].Value) throw new FormatException($"{at}: buckets not cumulative at le={bounds[i]}");
            }
            if (!double.IsPositiveInfinity(bounds[^1])) throw new FormatException($"{at}: the last bucket must be le=\"+Inf\"");
            var count = group.SingleOrDefault(s => s.Name == f.Name + "_count") ?? throw new FormatException($"{at}: no _count");
            if (count.Value != buckets[^1].Value) throw new FormatException($"{at}: _count {count.Value} differs from the +Inf bucket {buckets[^1].Value}");
            if (group.SingleOrDefault(s => s.Name == f.Name + "_sum") is null) throw new FormatException($"{at}: no _sum");
        }
    }

    private static PromSample Sample(string line, string where)
    {
        var m = SampleLine().Match(line);
        if (!m.Success) throw new FormatException($"{where}: not 'name{{labels}} value [timestamp]'");
        var labels = new List<KeyValuePair<string, string>>();
        string body = m.Groups["labels"].Value;
        int i = 0;
        while (i < body.Length)
        {
            var lm = LabelStart().Match(body, i);
            if (!lm.Success || lm.Index != i) throw new FormatException($"{where}: bad label at '{body[i..]}'");
            i += lm.Length;
            var value = new StringBuilder();
            for (; ; i++)
            {
                if (i >= body.Length) throw new FormatException($"{where}: unterminated label value");
                char c = body[i];
                if (c == '"') { i++; break; }
                if (c == '\\')
                {
                    i++;
                    value.Append(i < body.Length ? body[i] switch
                    {
                        '\\' => '\\', '"' => '"', 'n' => '\n',
                        var e => throw new FormatException($"{where}: bad escape '\\{e}' in a label value"),
                    } : throw new FormatException($"{where}: dangling backslash"));
                    continue;
                }
                if (c == '\n') throw new FormatException($"{where}: raw line feed in a label value");
                value.Append(c);
            }
            string name = lm.Groups[1].Value;
            if (labels.Exists(l => l.Key == name)) throw new FormatException($"{where}: label {name} repeated");
            labels.Add(KeyValuePair.Create(name, value.ToString()));
            if (i < body.Length)
            {
                if (body[i] != ',') throw new FormatException($"{where}: expected ',' between labels");
                i++;
            }
        }
        return new PromSample(m.Groups["name"].Value, labels, ParseValue(m.Groups["value"].Value, where));
    }

    private static double ParseValue(string text, string where) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when FloatText().IsMatch(text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => throw new FormatException($"{where}: '{text}' is not a number"),
    };

    [GeneratedRegex(@"^# (?<kind>HELP|TYPE) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) ?(?<rest>.*)$")]
    private static partial Regex MetaLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( -?[0-9]+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""")]
    private static partial Regex LabelStart();

    [GeneratedRegex(@"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatText();
}
