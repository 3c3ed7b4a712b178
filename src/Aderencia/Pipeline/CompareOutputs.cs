using System.Text;
using Aderencia.Cost;
using Aderencia.IO;
using Aderencia.Reports;

namespace Aderencia.Pipeline;

/// <summary>The four files of a comparison, each written atomically into one folder.</summary>
public static class CompareOutputs
{
    public static IReadOnlyList<string> FileNames { get; } = ["report.html", "report.md", "ranking.json", "emissions.csv"];

    /// <summary>Writes report.html, report.md, ranking.json and emissions.csv (one codecarbon row per measured stage); returns their paths.</summary>
    public static IReadOnlyList<string> Write(string directory, CompareOutcome outcome)
    {
        Directory.CreateDirectory(directory);
        var c = outcome.Comparison;
        var paths = FileNames.Select(f => Path.Combine(directory, f)).ToArray();
        AtomicFile.WriteAllText(paths[0], ComparisonReport.Html(c));
        AtomicFile.WriteAllText(paths[1], ComparisonReport.Markdown(c));
        AtomicFile.WriteAllText(paths[2], RankingJson.Serialize(c));
        var csv = new StringBuilder(EmissionsCsv.Header).Append('\n');
        foreach (var m in outcome.Measurements) csv.Append(EmissionsCsv.FormatRow(m)).Append('\n');
        AtomicFile.WriteAllText(paths[3], csv.ToString());
        return paths;
    }
}
