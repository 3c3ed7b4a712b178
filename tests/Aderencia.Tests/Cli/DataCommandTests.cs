using Aderencia.Data;

namespace Aderencia.Tests.Cli;

public class DataCommandTests
{
    private static readonly string SampleCsv = TestPaths.Shared("data", "leandl-sample", "leandl_sample_dados.csv");

    [Fact]
    public void Split_leandl2025_writes_three_parts_in_the_input_format()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("data", "split", SampleCsv, dir.Path_, "--protocol", "leandl2025");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var train = TableFiles.ReadAll(dir.File("train.csv"));
        var test = TableFiles.ReadAll(dir.File("test.csv"));
        Assert.Equal(2880, train.RowCount);
        Assert.Equal(360, test.RowCount);
        Assert.Equal(25, train.Schema.Count);
    }

    [Fact]
    public void Split_grouped_keeps_each_thesis_in_one_part()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("data", "split", SampleCsv, dir.Path_, "--protocol", "grouped", "--seed", "7");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var parts = new[] { "train", "eval", "test" }
            .Select(n => TableFiles.ReadAll(dir.File(n + ".csv"))["hash_id"].Values.Cast<string>().ToHashSet()).ToArray();
        Assert.Empty(parts[0].Intersect(parts[1]));
        Assert.Empty(parts[0].Intersect(parts[2]));
        Assert.Empty(parts[1].Intersect(parts[2]));
        Assert.Equal(1200, parts.Sum(p => p.Count));
    }

    [Fact]
    public void Bad_input_gives_one_clear_line_and_exit_code_2()
    {
        using var dir = new TempDir();
        var bad = dir.Write("bad.csv", "hash_id,tema\nx,y\n");
        var r = CliRunner.Run("data", "split", bad, dir.File("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: bad.csv: the leandl2025 protocol needs the label column 'modelo_nivel'", r.Stderr.Trim());
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void Inspect_json_reports_labels_and_pairs_per_thesis()
    {
        var r = CliRunner.Run("data", "inspect", SampleCsv, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        Assert.Equal(3600, doc.RootElement.GetProperty("rows").GetInt64());
        Assert.Equal(522, doc.RootElement.GetProperty("labels").GetProperty("ALTA").GetInt64());
        Assert.Equal(3, doc.RootElement.GetProperty("pairs_per_thesis").GetProperty("max").GetInt32());
        Assert.Equal(13, doc.RootElement.GetProperty("themes_per_uf").GetProperty("ACRE").GetInt32());
    }
}
