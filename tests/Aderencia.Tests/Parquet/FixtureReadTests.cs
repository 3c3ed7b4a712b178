using Aderencia.Data;
using Aderencia.Data.Parquet;

namespace Aderencia.Tests.Parquet;

public class FixtureReadTests
{
    [Theory]
    [InlineData("duckdb_snappy.parquet")]
    [InlineData("duckdb_gzip.parquet")]
    [InlineData("duckdb_uncompressed.parquet")]
    [InlineData("duckdb_plain.parquet")]
    [InlineData("duckdb_v2.parquet")]
    [InlineData("duckdb_v2_gzip.parquet")]
    [InlineData("duckdb_v2_plain.parquet")]
    [InlineData("duckdb_rowgroups.parquet")]
    public void DuckDb_files_match_the_values_they_were_written_from(string file)
    {
        using var reader = new ParquetReader(RepoPaths.Fixture(file));
        Assert.Equal(2500, reader.RowCount);
        var expected = ExpectedValues.Load("duckdb.expected.json");
        var table = Table.Concat(reader.Schema, reader.ReadBatches().ToList());
        ExpectedValues.AssertTable(table, expected);
    }

    [Fact]
    public void DuckDb_schema_maps_to_our_kinds()
    {
        using var reader = new ParquetReader(RepoPaths.Fixture("duckdb_snappy.parquet"));
        var s = reader.Schema;
        Assert.Equal(
            "id: int32, b: boolean, i32: int32, i64: int64, f: float, d: double, cat: string, s: string, dt: date, "
            + "ts_ms: timestamp[millis], ts_us: timestamp[micros], ts_ns: timestamp[nanos], dec9: decimal(9,3), "
            + "dec18: decimal(18,4), dec28: decimal(28,6), tags: list<string>",
            string.Join(", ", s.Columns));
        var dec9 = (decimal)reader.ReadBatches(["dec9"]).First()["dec9"][0]!;
        Assert.Equal(761.286m, dec9);
        Assert.Equal(3, dec9.Scale);
    }

    [Fact]
    public void Row_groups_come_as_separate_batches()
    {
        using var reader = new ParquetReader(RepoPaths.Fixture("duckdb_rowgroups.parquet"));
        var sizes = reader.ReadBatches(["id"]).Select(b => b.RowCount).ToList();
        Assert.True(sizes.Count > 1, "the fixture should hold several row groups");
        Assert.Equal(2500, sizes.Sum());
        Assert.Equal(sizes.Count, reader.Info.RowGroupCount);
    }

    [Fact]
    public void Hyparquet_file_with_delta_and_byte_stream_split_matches()
    {
        using var reader = new ParquetReader(RepoPaths.Fixture("hyparquet.parquet"));
        var expected = ExpectedValues.Load("hyparquet.expected.json");
        var table = Table.Concat(reader.Schema, reader.ReadBatches().ToList());
        var s2 = table["s2"].Values;
        Assert.Equal(table["s"].Values, s2);
        var withoutS2 = new Table(
            new TableSchema(table.Schema.Columns.Where(c => c.Name != "s2").ToArray()),
            table.Columns.Where(c => c.Name != "s2").ToArray());
        ExpectedValues.AssertTable(withoutS2, expected);
        var info = reader.Info;
        Assert.Contains(info.Columns, c => c.Path == "s" && c.Encodings.Contains(ParquetEncoding.DeltaByteArray));
        Assert.Contains(info.Columns, c => c.Path == "d" && c.Encodings.Contains(ParquetEncoding.ByteStreamSplit));
    }

    [Fact]
    public void Zstd_file_names_codec_column_and_fix()
    {
        using var reader = new ParquetReader(RepoPaths.Fixture("duckdb_zstd.parquet"));
        var e = Assert.Throws<DataFormatException>(() => reader.ReadBatches(["s"]).ToList());
        Assert.Contains("ZSTD", e.Message);
        Assert.Contains("column 's'", e.Message);
        Assert.Contains("compression='snappy'", e.Message);
        Assert.Equal(ParquetCompression.Zstd, reader.Info.Columns[0].Codec);
    }

    [Fact]
    public void File_info_describes_the_writer_and_columns()
    {
        using var reader = new ParquetReader(RepoPaths.Fixture("duckdb_v2.parquet"));
        var info = reader.Info;
        Assert.Equal(2500, info.RowCount);
        Assert.StartsWith("DuckDB", info.CreatedBy);
        var tags = Assert.Single(info.Columns, c => c.Path == "tags.list.element");
        Assert.Equal("BYTE_ARRAY", tags.PhysicalType);
        Assert.Equal(ParquetCompression.Snappy, tags.Codec);
        Assert.Contains(info.Columns, c => c.Path == "id" && c.Encodings.Contains(ParquetEncoding.DeltaBinaryPacked));
    }
}
