using System.Diagnostics;
using Aderencia.Data;
using Aderencia.Data.Parquet;

namespace Aderencia.Tests.Parquet;

public class BadInputTests
{
    private static byte[] GoodFile()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "good.parquet");
        ParquetWriter.WriteTable(path, WriterRoundTripTests.SampleTable(200), new ParquetWriterOptions { Compression = ParquetCompression.Uncompressed });
        return File.ReadAllBytes(path);
    }

    private static DataFormatException ReadAll(byte[] bytes)
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "bad.parquet");
        File.WriteAllBytes(path, bytes);
        var sw = Stopwatch.StartNew();
        var e = Assert.Throws<DataFormatException>(() =>
        {
            using var r = new ParquetReader(path);
            foreach (var _ in r.ReadBatches()) { }
        });
        Assert.True(sw.ElapsedMilliseconds < 5000, $"took {sw.ElapsedMilliseconds} ms");
        Assert.StartsWith("bad.parquet", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    [Fact]
    public void Empty_file() => Assert.Contains("empty", ReadAll([]).Message);

    [Fact]
    public void Too_short() => Assert.Contains("too short", ReadAll("PAR1PAR1"u8.ToArray()).Message);

    [Fact]
    public void Bad_magic() => Assert.Contains("PAR1", ReadAll(new byte[100]).Message);

    [Fact]
    public void Truncated_file()
    {
        var good = GoodFile();
        Assert.Contains("PAR1", ReadAll(good[..(good.Length / 2)]).Message);
    }

    [Fact]
    public void Corrupted_footer_length()
    {
        var bad = GoodFile();
        BitConverter.GetBytes(int.MaxValue - 3).CopyTo(bad, bad.Length - 8);
        Assert.Contains("corrupted footer", ReadAll(bad).Message);
    }

    [Fact]
    public void Footer_of_garbage()
    {
        var bad = GoodFile();
        int footerLen = BitConverter.ToInt32(bad, bad.Length - 8);
        new Random(7).NextBytes(bad.AsSpan(bad.Length - 8 - footerLen, footerLen));
        ReadAll(bad);
    }

    [Fact]
    public void Page_size_beyond_the_column_chunk()
    {
        var bad = GoodFile();
        // First page header starts right after the magic: field 2 (uncompressed) then field 3 (compressed size).
        int p = 4;
        Assert.Equal(0x15, bad[p]);
        p += 2; // type
        Assert.Equal(0x15, bad[p++]);
        while ((bad[p++] & 0x80) != 0) { }
        Assert.Equal(0x15, bad[p++]);
        bad[p] = 0xFE;
        bad[p + 1] = 0xFF;
        bad[p + 2] = 0xFF;
        bad[p + 3] = 0x0F;
        var e = ReadAll(bad);
        Assert.Contains("column 'id'", e.Message);
    }

    [Fact]
    public void Random_bytes_never_hang()
    {
        var rng = new Random(42);
        var good = GoodFile();
        for (int i = 0; i < 200; i++)
        {
            var bad = (byte[])good.Clone();
            for (int k = 0; k < 1 + rng.Next(20); k++) bad[4 + rng.Next(bad.Length - 12)] = (byte)rng.Next(256);
            using var dir = new TempFolder();
            var path = Path.Combine(dir.Path, "fuzz.parquet");
            File.WriteAllBytes(path, bad);
            try
            {
                using var r = new ParquetReader(path);
                foreach (var _ in r.ReadBatches()) { }
            }
            catch (DataFormatException)
            {
            }
        }
        var noise = new byte[4096];
        rng.NextBytes(noise);
        ReadAll(noise);
    }

    [Fact]
    public void Dictionary_index_out_of_range()
    {
        var schema = new TableSchema([new ColumnSchema("cat", DataKind.String, false)]);
        var t = new Table(schema, [new Column(schema[0], Enumerable.Range(0, 64).Select(i => (object?)(i % 2 == 0 ? "a" : "b")).ToArray())]);
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "d.parquet");
        ParquetWriter.WriteTable(path, t, new ParquetWriterOptions { Compression = ParquetCompression.Uncompressed });
        var bytes = File.ReadAllBytes(path);
        // The data page holds bit width 1 and one bit-packed run of 8 groups (0x11, then 0xAA bytes).
        // Rewrite it as bit width 2 and two RLE runs (8 and 63 values) whose value byte 0xAA is index 170.
        int dataPage = IndexOf(bytes, [1, 0x11, 0xAA]);
        Assert.True(dataPage > 0);
        bytes[dataPage] = 2;
        bytes[dataPage + 1] = 0x10;
        bytes[dataPage + 3] = 0x7E;
        var e = ReadAll(bytes);
        Assert.True(e.Message.Contains("dictionary index"), e.Message);
    }

    private static int IndexOf(byte[] hay, byte[] needle)
    {
        for (int i = hay.Length - 1; i >= 0; i--)
            if (hay.AsSpan(i).StartsWith(needle)) return i;
        return -1;
    }
}
