using System.Text.Json.Nodes;
using Aderencia.Data;
using Aderencia.Runs;

namespace Aderencia.Tests.Runs;

public class RunExportTests
{
    private static readonly RunRecord[] Runs = [RunSamples.Run("train", 1, 0.8), RunSamples.Run("map", 2)];

    [Theory]
    [InlineData("runs.csv")]
    [InlineData("runs.jsonl")]
    [InlineData("runs.parquet")]
    public void TableFormats_HoldOneRowPerRun(string name)
    {
        using var dir = new TempDir();
        var path = dir.File(name);
        RunExport.Write(path, Runs);
        var table = TableFiles.ReadAll(path);
        Assert.Equal(2, table.RowCount);
        Assert.Equal(Runs.Select(r => r.Id.ToString()), table["id"].Values.Select(v => v?.ToString()));
        Assert.Equal(["train", "map"], table["command"].Values.Select(v => v?.ToString()));
        Assert.Equal("2026-01-02T03:01:00.000Z", table["started_at"][0]?.ToString());
        Assert.Equal(4.0, Convert.ToDouble(table["wall_s"][0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.8, JsonNode.Parse(table["metrics"][0]!.ToString()!)!["macro_f1"]!.GetValue<double>());
        Assert.Equal(2, JsonNode.Parse(table["costs"][1]!.ToString()!)!.AsArray().Count);
    }

    [Fact]
    public void Json_IsAnArrayOfFullRecords()
    {
        using var dir = new TempDir();
        var path = dir.File("runs.json");
        RunExport.Write(path, Runs);
        var array = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        Assert.Equal(2, array.Count);
        Assert.Equal(Runs[0].Id.ToString(), array[0]!["id"]!.GetValue<string>());
        Assert.Equal("sha256:0123456789abcdef", array[0]!["data_fingerprint"]!.GetValue<string>());
        Assert.Equal("train", array[0]!["costs"]![1]!["stage"]!.GetValue<string>());
        Assert.Equal("CpuPowerModel", array[0]!["costs"]![1]!["method"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(array[0]!["versions"]!["dotnet"]!.GetValue<string>()));
    }
}
