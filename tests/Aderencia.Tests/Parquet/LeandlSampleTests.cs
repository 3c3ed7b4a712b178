using System.Text.Json;
using Aderencia.Data;
using Aderencia.Data.Parquet;

namespace Aderencia.Tests.Parquet;

public class LeandlSampleTests
{
    private static string SharedFile(string name) => Path.Combine(RepoPaths.Root, "..", "shared", "data", "leandl-sample", name);

    [Fact]
    public void Sample_matches_its_jsonl_twin()
    {
        using var reader = new ParquetReader(SharedFile("leandl_sample_dados.parquet"));
        Assert.Equal(3600, reader.RowCount);
        Assert.Equal(25, reader.Schema.Count);
        Assert.Equal(DataKind.List, reader.Schema[reader.Schema.IndexOf("palavras_chave")].Kind);
        Assert.Equal(DataKind.Int64, reader.Schema[reader.Schema.IndexOf("tema_id")].Kind);
        var table = Table.Concat(reader.Schema, reader.ReadBatches().ToList());
        Assert.Equal(3600, table.RowCount);

        int row = 0;
        foreach (var line in File.ReadLines(SharedFile("leandl_sample_dados.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                var actual = table[prop.Name][row];
                AssertJsonEqual(prop.Value, actual, $"row {row} column {prop.Name}");
            }
            row++;
        }
        Assert.Equal(3600, row);
    }

    [Fact]
    public void Repo_copy_reads_with_projection()
    {
        using var reader = new ParquetReader(Path.Combine(RepoPaths.Root, "data", "sample", "leandl_sample_dados.parquet"));
        var batch = reader.ReadBatches(["modelo_nivel", "PALAVRAS_CHAVE"]).First();
        Assert.Equal(["modelo_nivel", "palavras_chave"], batch.Schema.Columns.Select(c => c.Name));
        var lists = batch["palavras_chave"].Values;
        Assert.All(lists, v => Assert.True(v is null || v is object?[]));
    }

    [Fact]
    public void Dictionary_strings_are_shared_instances()
    {
        using var reader = new ParquetReader(SharedFile("leandl_sample_dados.parquet"));
        var col = reader.ReadBatches(["tema"]).First()["tema"].Values;
        var distinct = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var v in col) if (v is not null) distinct.Add(v);
        Assert.True(distinct.Count <= 208, $"{distinct.Count} string instances for at most 208 themes");
    }

    internal static void AssertJsonEqual(JsonElement expected, object? actual, string where)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.True(actual is null, $"{where}: expected null, got {actual}");
                break;
            case JsonValueKind.String:
                Assert.True(expected.GetString() == actual as string, $"{where}: expected {expected.GetString()}, got {actual}");
                break;
            case JsonValueKind.Number:
                Assert.True(actual is long or int, $"{where}: expected a number, got {actual?.GetType()}");
                Assert.Equal(expected.GetInt64(), Convert.ToInt64(actual));
                break;
            case JsonValueKind.Array:
                var arr = Assert.IsType<object?[]>(actual);
                Assert.Equal(expected.GetArrayLength(), arr.Length);
                int i = 0;
                foreach (var e in expected.EnumerateArray()) AssertJsonEqual(e, arr[i++], $"{where}[{i - 1}]");
                break;
            default:
                Assert.Fail($"{where}: unexpected JSON {expected.ValueKind}");
                break;
        }
    }
}
