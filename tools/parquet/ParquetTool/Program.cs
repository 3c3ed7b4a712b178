// ours <dir>: writes ours_snappy.parquet / ours_gzip.parquet (+ ours.expected.json) for the DuckDB check.
// bench <sample.parquet> <rows> <tmpdir>: replicates the sample with our writer, then times a full read.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Aderencia.Data;
using Aderencia.Data.Parquet;

switch (args.FirstOrDefault())
{
    case "ours":
        WriteOurs(args[1]);
        break;
    case "bench":
        Bench(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
        break;
    case "read":
        TimeRead(args[1]);
        break;
    default:
        Console.Error.WriteLine("usage: ours <dir> | bench <sample.parquet> <rows> <tmpdir> | read <file>");
        return 2;
}
return 0;

static void WriteOurs(string dir)
{
    var schema = new TableSchema([
        new ColumnSchema("id", DataKind.Int32, false),
        new ColumnSchema("flag", DataKind.Boolean),
        new ColumnSchema("big", DataKind.Int64),
        new ColumnSchema("d", DataKind.Double),
        new ColumnSchema("cat", DataKind.String),
        new ColumnSchema("text", DataKind.String),
        new ColumnSchema("day", DataKind.Date),
        new ColumnSchema("ts", DataKind.Timestamp),
        new ColumnSchema("dec9", DataKind.Decimal) { Precision = 9, Scale = 3 },
        new ColumnSchema("dec18", DataKind.Decimal) { Precision = 18, Scale = 4 },
        new ColumnSchema("dec28", DataKind.Decimal) { Precision = 28, Scale = 6 },
        ColumnSchema.ListOf("tags", DataKind.String),
    ]);
    const int rows = 500;
    string[] cats = ["ALTA", "MÉDIA", "BAIXA"];
    var cols = schema.Columns.Select(_ => new object?[rows]).ToArray();
    var expected = new List<Dictionary<string, object?>>();
    for (int r = 0; r < rows; r++)
    {
        bool nul = r % 7 == 3;
        cols[0][r] = r;
        cols[1][r] = nul ? null : r % 2 == 0;
        cols[2][r] = nul ? null : (long)r * 1_000_000_007L - 5;
        cols[3][r] = nul ? null : r * -0.1;
        cols[4][r] = nul ? null : cats[r % 3];
        cols[5][r] = nul ? null : $"resumo {r} ção";
        cols[6][r] = nul ? null : new DateOnly(1960, 1, 1).AddDays(r * 37);
        cols[7][r] = nul ? null : new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(r * 12_340L);
        cols[8][r] = nul ? null : (r == 0 ? 761.286m : -r * 1.001m);
        cols[9][r] = nul ? null : r * 12345678.1234m;
        cols[10][r] = nul ? null : -r * 1234567890123456789.123456m;
        cols[11][r] = (r % 5) switch
        {
            0 => null,
            1 => Array.Empty<object?>(),
            2 => new object?[] { "a", null, cats[r % 3] },
            _ => new object?[] { $"k{r % 11}" },
        };
        var row = new Dictionary<string, object?>();
        for (int c = 0; c < cols.Length; c++) row[schema[c].Name] = Json(cols[c][r]);
        expected.Add(row);
    }
    var table = new Table(schema, schema.Columns.Select((c, i) => new Column(c, cols[i])).ToArray());
    ParquetWriter.WriteTable(Path.Combine(dir, "ours_snappy.parquet"), table, new ParquetWriterOptions { RowGroupSize = 200, PageRowCount = 64 });
    ParquetWriter.WriteTable(Path.Combine(dir, "ours_gzip.parquet"), table, new ParquetWriterOptions { Compression = ParquetCompression.Gzip });
    File.WriteAllText(Path.Combine(dir, "ours.expected.json"), JsonSerializer.Serialize(expected));
}

static object? Json(object? v) => v switch
{
    decimal m => m.ToString(CultureInfo.InvariantCulture),
    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
    long l => l.ToString(CultureInfo.InvariantCulture),
    object?[] list => list.Select(Json).ToArray(),
    _ => v,
};

static void Bench(string sample, int rows, string tmp)
{
    using var reader = new ParquetReader(sample);
    var src = Table.Concat(reader.Schema, reader.ReadBatches().ToList());
    var idx = Enumerable.Range(0, rows).Select(i => i % src.RowCount).ToArray();
    var big = src.Take(idx);
    var path = Path.Combine(tmp, $"replicated_{rows}.parquet");
    var sw = Stopwatch.StartNew();
    ParquetWriter.WriteTable(path, big);
    Console.WriteLine($"wrote {rows} rows in {sw.ElapsedMilliseconds} ms, {new FileInfo(path).Length / 1e6:F1} MB");
}

static void TimeRead(string path)
{
    var sw = Stopwatch.StartNew();
    using var reader = new ParquetReader(path);
    long rows = 0;
    var batches = reader.ReadBatches().ToList();
    foreach (var b in batches) rows += b.RowCount;
    sw.Stop();
    var p = Process.GetCurrentProcess();
    Console.WriteLine($"read {rows} rows x {reader.Schema.Count} columns in {sw.ElapsedMilliseconds} ms; "
        + $"peak working set {p.PeakWorkingSet64 / 1e6:F0} MB; managed heap {GC.GetTotalMemory(false) / 1e6:F0} MB");
    GC.KeepAlive(batches);
}
