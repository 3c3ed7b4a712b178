using Aderencia.Data;

namespace Aderencia.Tests.Cli;

public class ModelCommandTests
{
    [Fact]
    public void Train_predict_evaluate_and_map_work_end_to_end_from_the_command_line()
    {
        using var dir = new TempDir();
        var pairs = TestPaths.Sample(SampleData.PairsFile);
        var model = dir.File("m.adm");
        var train = CliRunner.Run("train", "--data", pairs, "--model", model, "--protocol", "grouped", "--quantize", "int8");
        Assert.True(train.ExitCode == 0, train.Stderr);
        Assert.Contains("macro avg", train.Stdout);
        Assert.Contains("Int8", train.Stdout);

        var test = TestPaths.Shared("data", "leandl-sample", "leandl_sample_dados.csv");
        var output = dir.File("pred.csv");
        var predict = CliRunner.Run("predict", "--model", model, "--input", test, "--output", output);
        Assert.True(predict.ExitCode == 0, predict.Stderr);
        var table = TableFiles.ReadAll(output);
        Assert.Equal(3600, table.RowCount);
        Assert.Equal(30, table.Schema.Count);
        Assert.All(table["justificativa"].Values, v => Assert.False(string.IsNullOrWhiteSpace(v as string)));
        Assert.All(table["nivel_previsto"].Values, v => Assert.Contains(v as string, new[] { "BAIXA", "MEDIA", "ALTA" }));

        var evaluate = CliRunner.Run("evaluate", "--model", model, "--data", test, "--json", dir.File("e.json"));
        Assert.True(evaluate.ExitCode == 0, evaluate.Stderr);
        Assert.True(File.Exists(dir.File("e.json")));

        var map = dir.File("map.jsonl");
        var mapped = CliRunner.Run("map", "--model", model, "--theses", TestPaths.Shared("data", "capes-catalog", "capes_ia_humanas_2021_2024_com_resumo.csv"),
            "--themes", TestPaths.Sample(SampleData.ThemesFile), "--output", map, "--min-level", "MEDIA", "--no-justification");
        Assert.True(mapped.ExitCode == 0, mapped.Stderr);
        Assert.Contains("theses are from states with no themes", mapped.Stderr);
        Assert.True(File.Exists(map + ".unmapped.csv"));
        var rows = TableFiles.ReadAll(map);
        Assert.All(rows["nivel_previsto"].Values, v => Assert.NotEqual("BAIXA", v));
        Assert.All(rows["rank"].Values, v => Assert.True((long)v! >= 1));
    }

    [Fact]
    public void A_damaged_model_gives_one_clear_line()
    {
        using var dir = new TempDir();
        var model = dir.Write("m.adm", "ADRNCMDL but not really a model");
        var r = CliRunner.Run("predict", "--model", model, "--input", TestPaths.Sample(SampleData.PairsFile), "--output", dir.File("o.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.False(File.Exists(dir.File("o.csv")));
    }
}
