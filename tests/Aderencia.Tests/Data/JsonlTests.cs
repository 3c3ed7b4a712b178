using Aderencia.Data;

namespace Aderencia.Tests.Data;

public class JsonlTests
{
    [Fact]
    public void Keys_become_columns_in_first_appearance_order_with_inferred_kinds()
    {
        using var dir = new TempDir();
        var path = dir.Write("a.jsonl", "{\"id\":1,\"x\":1.5,\"tags\":[\"a\"]}\n\n{\"id\":2,\"x\":2,\"extra\":true,\"tags\":null}\n");
        var t = TableFiles.ReadAll(path);
        Assert.Equal(["id", "x", "tags", "extra"], t.Schema.Columns.Select(c => c.Name));
        Assert.Equal([DataKind.Int64, DataKind.Double, DataKind.List, DataKind.Boolean], t.Schema.Columns.Select(c => c.Kind));
        Assert.Equal(2.0, t["x"][1]);
        Assert.Null(t["extra"][0]);
        Assert.Null(t["tags"][1]);
    }

    [Fact]
    public void Writer_follows_the_documented_value_conventions()
    {
        using var dir = new TempDir();
        var schema = new TableSchema([
            new ColumnSchema("d", DataKind.Date), new ColumnSchema("t", DataKind.Timestamp), new ColumnSchema("m", DataKind.Decimal) { Precision = 9, Scale = 3 },
            new ColumnSchema("b", DataKind.Boolean), ColumnSchema.ListOf("l", DataKind.String), new ColumnSchema("n", DataKind.Int64),
        ]);
        var table = new Table(schema, [
            new Column(schema[0], [new DateOnly(2023, 3, 21)]),
            new Column(schema[1], [new DateTime(2023, 3, 21, 10, 5, 7, DateTimeKind.Utc).AddTicks(1234560)]),
            new Column(schema[2], [761.286m]),
            new Column(schema[3], [true]),
            new Column(schema[4], [new object?[] { "ação", null }]),
            new Column(schema[5], [null]),
        ]);
        var path = dir.File("o.jsonl");
        TableFiles.WriteAll(path, table);
        Assert.Equal("{\"d\":\"2023-03-21\",\"t\":\"2023-03-21T10:05:07.123456\",\"m\":\"761.286\",\"b\":true,\"l\":[\"ação\",null],\"n\":null}\n",
            File.ReadAllText(path));
    }

    [Fact]
    public void Bad_line_names_the_row_and_can_be_rejected_instead()
    {
        using var dir = new TempDir();
        var path = dir.Write("b.jsonl", "{\"a\":1}\n{\"a\":\n[1,2]\n{\"a\":3}\n");
        var e = Assert.Throws<DataFormatException>(() => TableFiles.ReadAll(path));
        Assert.StartsWith("b.jsonl, row 2: invalid JSON", e.Message);
        var sink = new RejectSink();
        var t = TableFiles.ReadAll(path, rejects: sink);
        Assert.Equal(new object?[] { 1L, 3L }, t["a"].Values);
        Assert.Equal([2L, 3L], sink.Rows.Select(r => r.Row));
        Assert.Contains("expected a JSON object, found array", sink.Rows[1].Reason);
    }

    [Fact]
    public void Format_is_detected_from_content_not_extension()
    {
        using var dir = new TempDir();
        Assert.Equal(TableFormat.Jsonl, TableFormats.DetectFromContent(dir.Write("x.csv", "  {\"a\":1}\n")));
        Assert.Equal(TableFormat.Csv, TableFormats.DetectFromContent(dir.Write("x.jsonl", "a,b\n1,2\n")));
        var pq = dir.File("x.txt");
        File.WriteAllBytes(pq, "PAR1xxxx"u8.ToArray());
        Assert.Equal(TableFormat.Parquet, TableFormats.DetectFromContent(pq));
    }

    [Fact]
    public void Random_bytes_named_parquet_are_reported_as_a_damaged_parquet_file()
    {
        using var dir = new TempDir();
        var path = dir.File("noise.parquet");
        File.WriteAllBytes(path, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251)).ToArray());
        var e = Assert.Throws<DataFormatException>(() => TableFiles.ReadAll(path));
        Assert.StartsWith("noise.parquet: not a Parquet file", e.Message);
    }

    [Fact]
    public void Shared_sample_round_trips_byte_for_byte_through_both_text_formats()
    {
        var csv = TestPaths.Shared("data", "leandl-sample", "leandl_sample_dados.csv");
        var jsonl = TestPaths.Shared("data", "leandl-sample", "leandl_sample_dados.jsonl");
        using var dir = new TempDir();
        TableFiles.WriteAll(dir.File("s.jsonl"), TableFiles.ReadAll(csv));
        TableFiles.WriteAll(dir.File("s.csv"), TableFiles.ReadAll(dir.File("s.jsonl")));
        Assert.Equal(File.ReadAllBytes(jsonl), File.ReadAllBytes(dir.File("s.jsonl")));
        Assert.Equal(File.ReadAllBytes(csv), File.ReadAllBytes(dir.File("s.csv")));
    }
}
