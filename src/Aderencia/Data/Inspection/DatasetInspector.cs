using System.Diagnostics;
using Aderencia.Domain;
using C = Aderencia.Data.ChallengeColumns;

namespace Aderencia.Data.Inspection;

/// <summary>Profiles a table file: schema, nulls, and for challenge/CAPES files the label, theme and text statistics.</summary>
public static class DatasetInspector
{
    public static InspectionReport Inspect(string path)
    {
        var sw = Stopwatch.StartNew();
        var format = TableFormats.DetectFromContent(path);
        var table = TableFiles.ReadAll(path);
        double seconds = sw.Elapsed.TotalSeconds;
        var s = table.Schema;
        bool challenge = s.Contains(C.HashId) && s.Contains(C.TemaId);
        bool capes = CapesCatalog.Recognizes(s);
        bool themes = !challenge && s.Contains(C.TemaId) && s.Contains(C.Tema);
        var columns = table.Columns.Select(c => new ColumnSummary(c.Name, c.Schema.TypeName, c.NullCount, DistinctCount(c))).ToList();
        var report = new InspectionReport
        {
            File = path,
            Format = format.ToString().ToLowerInvariant(),
            Kind = challenge ? "challenge pairs" : capes ? "CAPES catalogue" : themes ? "themes table" : "table",
            Rows = table.RowCount,
            Columns = columns,
            ReadSeconds = seconds,
        };
        if (challenge) report = AddChallenge(report, table);
        else if (capes) report = report with
        {
            ThesesPerUf = CountBy(table, t => Ufs.Normalize(FieldCleaner.Text(t.Find("NM_UF_IES")?.Values[t.Row]) is { Length: > 0 } n ? n : FieldCleaner.Text(t.Find("SG_UF_IES")?.Values[t.Row]))),
            TextLengths = Lengths(table, ["NM_PRODUCAO", "DS_RESUMO", "DS_ABSTRACT", "DS_PALAVRA_CHAVE", "DS_KEYWORD"]),
        };
        else if (themes) report = report with
        {
            ThemesPerUf = CountBy(table, t => Ufs.Normalize(FieldCleaner.Text((t.Find(C.UfTema) ?? t.Find("uf"))?.Values[t.Row]))),
        };
        return report;
    }

    private readonly record struct RowRef(Table Table, int Row)
    {
        public Column? Find(string name) => Table.Find(name);
    }

    private static InspectionReport AddChallenge(InspectionReport report, Table table)
    {
        var ids = table[C.HashId].Values;
        var temas = table[C.TemaId].Values;
        Dictionary<string, long>? labels = null;
        if (table.Find(C.Nivel) is { } nivel)
        {
            labels = new Dictionary<string, long> { ["BAIXA"] = 0, ["MÉDIA"] = 0, ["ALTA"] = 0, ["null"] = 0, ["invalid"] = 0 };
            foreach (var v in nivel.Values)
            {
                var key = v is null ? "null" : AdherenceLevels.TryParse(ValueText.Format(v), out var l) ? l.Label() : "invalid";
                labels[key]++;
            }
        }
        var themesPerUf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var ufCol = table.Find(C.UfTema);
        for (int i = 0; i < table.RowCount; i++)
        {
            var uf = Ufs.Normalize(FieldCleaner.Text(ufCol?.Values[i]));
            if (!themesPerUf.TryGetValue(uf, out var set)) themesPerUf[uf] = set = [];
            set.Add(temas[i] is null ? "" : ValueText.Format(temas[i]!));
        }
        var perThesis = ids.GroupBy(v => v as string ?? "").Select(g => g.Count()).OrderBy(n => n).ToArray();
        var pairs = perThesis.Length == 0 ? null : new PairsPerThesis(perThesis.Length, perThesis[0],
            Percentile(perThesis, 0.5), perThesis.Average(), perThesis[^1]);
        var thesesPerUf = new Dictionary<string, int>(StringComparer.Ordinal);
        var ufP = table.Find(C.UfPesquisador);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < table.RowCount; i++)
        {
            if (ids[i] is not string id || !seen.Add(id)) continue;
            var uf = Ufs.Normalize(FieldCleaner.Text(ufP?.Values[i]));
            thesesPerUf[uf] = thesesPerUf.GetValueOrDefault(uf) + 1;
        }
        return report with
        {
            Labels = labels,
            ThemesPerUf = themesPerUf.OrderBy(k => k.Key, StringComparer.Ordinal).ToDictionary(k => k.Key, k => k.Value.Count),
            ThesesPerUf = thesesPerUf.OrderBy(k => k.Key, StringComparer.Ordinal).ToDictionary(),
            PairsPerThesis = pairs,
            TextLengths = Lengths(table, [C.Titulo, C.Resumo, C.Abstract, C.PalavraChave, C.Keyword, C.Explicacao]),
        };
    }

    private static Dictionary<string, int> CountBy(Table table, Func<RowRef, string> key)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < table.RowCount; i++)
        {
            var k = key(new RowRef(table, i));
            d[k] = d.GetValueOrDefault(k) + 1;
        }
        return d.OrderBy(k => k.Key, StringComparer.Ordinal).ToDictionary();
    }

    private static List<LengthPercentiles> Lengths(Table table, string[] names)
    {
        var result = new List<LengthPercentiles>();
        foreach (var name in names)
        {
            if (table.Find(name) is not { } col) continue;
            var lengths = col.Values.Select(v => FieldCleaner.Text(v).Length).OrderBy(n => n).ToArray();
            if (lengths.Length == 0) continue;
            result.Add(new LengthPercentiles(name, (int)Percentile(lengths, 0.05), (int)Percentile(lengths, 0.5),
                (int)Percentile(lengths, 0.95), lengths[^1], lengths.LongCount(n => n == 0)));
        }
        return result;
    }

    /// <summary>Linear interpolation between closest ranks (numpy's default) over sorted values.</summary>
    private static double Percentile(int[] sorted, double q)
    {
        double pos = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    private static long? DistinctCount(Column c)
    {
        if (c.Schema.Kind == DataKind.List) return null;
        var set = new HashSet<object>();
        foreach (var v in c.Values) if (v is not null) set.Add(v);
        return set.Count;
    }
}
