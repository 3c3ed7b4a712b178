using System.Text;
using Aderencia.Data;
using Aderencia.Data.Csv;

namespace Aderencia.Tests.Data;

public class CsvTests
{
    [Fact]
    public void Infers_kinds_from_every_row_and_keeps_leading_zero_ids_as_text()
    {
        using var dir = new TempDir();
        var path = dir.Write("a.csv", "id,n,x,flag,tags,code\n1,10,1.5,true,\"[\"\"a\"\",\"\"b\"\"]\",007\n2,,2,false,[],010\n");
        var t = TableFiles.ReadAll(path);
        Assert.Equal([DataKind.Int64, DataKind.Int64, DataKind.Double, DataKind.Boolean, DataKind.List, DataKind.String],
            t.Schema.Columns.Select(c => c.Kind));
        Assert.Equal(10L, t["n"][0]);
        Assert.Null(t["n"][1]);
        Assert.Equal(2.0, t["x"][1]);
        Assert.Equal(new object?[] { "a", "b" }, (object?[])t["tags"][0]!);
        Assert.Equal("007", t["code"][0]);
    }

    [Fact]
    public void Quoted_fields_hold_delimiters_quotes_and_line_breaks()
    {
        using var dir = new TempDir();
        var path = dir.Write("q.csv", "a,b\r\n\"x, y\",\"he said \"\"hi\"\"\nnext line\"\r\n\"\",plain\r\n");
        var t = TableFiles.ReadAll(path);
        Assert.Equal(2, t.RowCount);
        Assert.Equal("x, y", t["a"][0]);
        Assert.Equal("he said \"hi\"\nnext line", t["b"][0]);
        Assert.Equal("", t["a"][1]);
    }

    [Fact]
    public void Detects_semicolon_delimiter_and_latin1_encoding()
    {
        using var dir = new TempDir();
        var path = dir.File("latin.csv");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("NM_PRODUCAO;SG_UF_IES\nGESTÃO DA ÁGUA;SP\n"));
        var t = TableFiles.ReadAll(path);
        Assert.Equal("GESTÃO DA ÁGUA", t["NM_PRODUCAO"][0]);
        Assert.Equal("SP", t["SG_UF_IES"][0]);
    }

    [Fact]
    public void Ragged_row_is_an_error_naming_file_and_row_or_goes_to_the_side_file()
    {
        using var dir = new TempDir();
        var path = dir.Write("r.csv", "a,b\n1,2\n3\n4,5\n");
        var e = Assert.Throws<DataFormatException>(() => TableFiles.ReadAll(path));
        Assert.Equal("r.csv, row 2: has 1 fields, the header has 2 (line 3)", e.Message);

        var sink = new RejectSink();
        var t = TableFiles.ReadAll(path, rejects: sink);
        Assert.Equal(2, t.RowCount);
        Assert.Equal(2, sink.Rows.Single().Row);
    }

    [Fact]
    public void Unclosed_quote_fails_with_the_line_it_opened_on()
    {
        using var dir = new TempDir();
        var path = dir.Write("u.csv", "a,b\n1,\"open\n2,3\n");
        var e = Assert.Throws<DataFormatException>(() => TableFiles.ReadAll(path));
        Assert.Contains("line 2", e.Message);
        Assert.StartsWith("u.csv", e.Message);
    }

    [Fact]
    public void Empty_file_and_header_only_file()
    {
        using var dir = new TempDir();
        var empty = dir.Write("e.csv", "");
        Assert.Equal("e.csv: the file is empty", Assert.Throws<DataFormatException>(() => TableFiles.ReadAll(empty)).Message);
        var header = dir.Write("h.csv", "a,b\n");
        var t = TableFiles.ReadAll(header);
        Assert.Equal(0, t.RowCount);
        Assert.Equal(2, t.Schema.Count);
    }

    [Fact]
    public void Writer_quotes_only_when_needed_and_round_trips_nulls_and_empty_strings()
    {
        using var dir = new TempDir();
        var schema = new TableSchema([new ColumnSchema("s", DataKind.String), ColumnSchema.ListOf("l", DataKind.String), new ColumnSchema("d", DataKind.Double)]);
        var table = new Table(schema, [
            new Column(schema[0], ["a,b", "", null]),
            new Column(schema[1], [new object?[] { "x", "y\"z" }, null, new object?[0]]),
            new Column(schema[2], [0.1, null, -2.5e-8]),
        ]);
        var path = dir.File("w.csv");
        TableFiles.WriteAll(path, table);
        Assert.Equal("s,l,d\n\"a,b\",\"[\"\"x\"\",\"\"y\\\"\"z\"\"]\",0.1\n\"\",,\n,[],-2.5E-08\n", File.ReadAllText(path));
        var back = TableFiles.ReadAll(path);
        Assert.Equal(new object?[] { "a,b", "", null }, back["s"].Values);
        Assert.Equal(new object?[] { "x", "y\"z" }, (object?[])back["l"][0]!);
        Assert.Equal(-2.5e-8, back["d"][2]);
    }

    [Fact]
    public void Failed_write_leaves_no_file_behind()
    {
        using var dir = new TempDir();
        var schema = new TableSchema([new ColumnSchema("s", DataKind.String)]);
        var path = dir.File("never.csv");
        using (var w = new CsvTableWriter(path, schema))
            w.Write(new Table(schema, [new Column(schema[0], ["x"])]));
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(dir.Path_));
    }
}
