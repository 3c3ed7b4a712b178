using System.Text.Json;
using Aderencia.Tests.Cli;

namespace Aderencia.Tests.Compare;

public class CompareCommandTests
{
    [Fact]
    public void Compare_two_cheap_models_on_the_sample_writes_the_four_files_ranked_by_macro_f1()
    {
        using var dir = new TempDir();
        var config = dir.Write("models.json", """
            {"models": [
              {"name": "tiny logistic", "type": "logistic", "max_iterations": 40, "features": {"hash_bits": 12, "theme_abstract_terms": false}},
              {"name": "tiny ordinal", "type": "ordinal", "max_iterations": 40, "features": {"hash_bits": 12, "theme_abstract_terms": false}}
            ]}
            """);
        var outDir = dir.File("out");
        var r = CliRunner.Run("compare", "--config", config, "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        foreach (var f in (string[])["report.html", "report.md", "ranking.json", "emissions.csv"])
            Assert.True(File.Exists(Path.Combine(outDir, f)), f + " missing");

        using var ranking = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "ranking.json")));
        var models = ranking.RootElement.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(2, models.Count);
        var f1 = models.Select(m => m.GetProperty("macro_f1").GetDouble()).ToList();
        Assert.True(f1[0] >= f1[1], $"ranking.json not ordered by macro-F1: {f1[0]} then {f1[1]}");
        Assert.All(models, m => Assert.True(m.GetProperty("file_bytes").GetInt64() > 0));
        Assert.All(models, m => Assert.True(m.GetProperty("parameters_total").GetInt64() > 0));
        Assert.Equal(360, ranking.RootElement.GetProperty("test_pairs").GetInt32());

        // One emissions row per measured stage: one shared featurization, two fits, two inferences.
        var rows = File.ReadAllLines(Path.Combine(outDir, "emissions.csv"));
        Assert.StartsWith("timestamp,project_name,run_id,experiment_id,", rows[0]);
        Assert.Equal(1 + 5, rows.Length);

        // Piped stdout gets the Markdown ranking table.
        Assert.Contains("| # | model | macro-F1 |", r.Stdout);
        Assert.Contains("| 1 | " + models[0].GetProperty("name").GetString() + " |", r.Stdout);
        System.Xml.Linq.XDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.html")));
    }

    [Fact]
    public void Bad_config_fails_with_a_user_error_naming_the_key()
    {
        using var dir = new TempDir();
        var config = dir.Write("bad.json", """{"models":[{"type":"logistic","hashbits":16}]}""");
        var r = CliRunner.Run("compare", "--config", config, "--out", dir.File("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.json", r.Stderr);
        Assert.Contains("'hashbits'", r.Stderr);
        Assert.False(Directory.Exists(dir.File("out")));
    }
}
