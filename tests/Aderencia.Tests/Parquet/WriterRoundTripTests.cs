using Aderencia.Data;
using Aderencia.Data.Parquet;

namespace Aderencia.Tests.Parquet;

public class WriterRoundTripTests
{
    internal static Table SampleTable(int rows)
    {
        var schema = new TableSchema([
            new ColumnSchema("id", DataKind.Int32, false),
            new ColumnSchema("flag", DataKind.Boolean),
            new ColumnSchema("big", DataKind.Int64),
            new ColumnSchema("f", DataKind.Float),
            new ColumnSchema("d", DataKind.Double),
            new ColumnSchema("cat", DataKind.String),
            new ColumnSchema("text", DataKind.String),
            new ColumnSchema("bin", DataKind.Binary),
            new ColumnSchema("day", DataKind.Date),
            new ColumnSchema("ts", DataKind.Timestamp),
            new ColumnSchema("dec9", DataKind.Decimal) { Precision = 9, Scale = 3 },
            new ColumnSchema("dec18", DataKind.Decimal) { Precision = 18, Scale = 4 },
            new ColumnSchema("dec28", DataKind.Decimal) { Precision = 28, Scale = 6 },
            ColumnSchema.ListOf("tags", DataKind.String),
        ]);
        string[] cats = ["ALTA", "MÉDIA", "BAIXA"];
        var cols = schema.Columns.Select(_ => new object?[rows]).ToArray();
        for (int r = 0; r < rows; r++)
        {
            bool nul = r % 7 == 3;
            cols[0][r] = r;
            cols[1][r] = nul ? null : r % 2 == 0;
            cols[2][r] = nul ? null : (long)r * 1_000_000_007L - 5;
            cols[3][r] = nul ? null : r / 4f;
            cols[4][r] = nul ? null : r * -0.1;
            cols[5][r] = nul ? null : cats[r % 3];
            cols[6][r] = nul ? null : $"resumo {r} ção";
            cols[7][r] = nul ? null : new[] { (byte)r, (byte)(r >> 8) };
            cols[8][r] = nul ? null : new DateOnly(1960, 1, 1).AddDays(r * 3);
            cols[9][r] = nul ? null : new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(r * 12_340L);
            cols[10][r] = nul ? null : (r == 0 ? 761.286m : -r * 1.001m);
            cols[11][r] = nul ? null : r * 12345678.1234m;
            cols[12][r] = nul ? null : -r * 1234567890123456789.123456m;
            cols[13][r] = (r % 5) switch
            {
                0 => null,
                1 => Array.Empty<object?>(),
                2 => new object?[] { "a", null, cats[r % 3] },
                _ => new object?[] { $"k{r % 11}" },
            };
        }
        return new Table(schema, schema.Columns.Select((c, i) => new Column(c, cols[i])).ToArray());
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    [InlineData(ParquetCompression.Uncompressed)]
    public void Our_writer_round_trips_every_kind(ParquetCompression codec)
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "t.parquet");
        var table = SampleTable(1000);
        ParquetWriter.WriteTable(path, table, new ParquetWriterOptions { Compression = codec, RowGroupSize = 300, PageRowCount = 128 });

        using var reader = new ParquetReader(path);
        Assert.Equal(1000, reader.RowCount);
        Assert.Equal(4, reader.Info.RowGroupCount);
        Assert.Equal("aderencia", reader.Info.CreatedBy);
        Assert.Equal(string.Join(", ", table.Schema.Columns), string.Join(", ", reader.Schema.Columns));
        var back = Table.Concat(reader.Schema, reader.ReadBatches().ToList());
        for (int c = 0; c < table.Columns.Count; c++)
        {
            for (int r = 0; r < table.RowCount; r++)
            {
                object? e = table.Columns[c][r], a = back.Columns[c][r];
                if (e is object?[] el) Assert.Equal(el, Assert.IsType<object?[]>(a));
                else if (e is byte[] eb) Assert.Equal(eb, Assert.IsType<byte[]>(a));
                else Assert.Equal(e, a);
                if (e is decimal m) Assert.Equal(table.Columns[c].Schema.Scale, ((decimal)a!).Scale + 0 * m.Scale);
            }
        }
        Assert.Contains(reader.Info.Columns, c => c.Path == "cat" && c.Encodings.Contains(ParquetEncoding.RleDictionary));
    }

    [Fact]
    public void Dictionary_strings_read_back_as_one_instance_each()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "t.parquet");
        ParquetWriter.WriteTable(path, SampleTable(900));
        using var reader = new ParquetReader(path);
        var cat = reader.ReadBatches(["cat"]).Single()["cat"].Values;
        var instances = new HashSet<object>(cat.OfType<object>(), ReferenceEqualityComparer.Instance);
        Assert.Equal(3, instances.Count);
    }

    [Fact]
    public void Nothing_appears_when_the_writer_is_not_completed()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "t.parquet");
        using (var w = new ParquetWriter(path, SampleTable(1).Schema))
            w.Write(SampleTable(10));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Null_in_a_required_column_is_refused()
    {
        using var dir = new TempFolder();
        var schema = new TableSchema([new ColumnSchema("id", DataKind.Int32, false)]);
        var t = new Table(schema, [new Column(schema[0], [1, null])]);
        var e = Assert.Throws<ArgumentException>(() => ParquetWriter.WriteTable(Path.Combine(dir.Path, "t.parquet"), t));
        Assert.Contains("'id'", e.Message);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}

internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aderencia-parquet-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try { Directory.Delete(Path, true); } catch (IOException) { }
    }
}
