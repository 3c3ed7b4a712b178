namespace Aderencia.Data.Parquet;

public sealed record ParquetWriterOptions
{
    /// <summary>Uncompressed, Snappy or Gzip.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>Batches larger than this are split into several row groups.</summary>
    public int RowGroupSize { get; init; } = 128 * 1024;

    /// <summary>Rows per data page.</summary>
    public int PageRowCount { get; init; } = 16 * 1024;

    /// <summary>A string column whose dictionary would exceed this many bytes is written PLAIN instead.</summary>
    public int MaxDictionaryBytes { get; init; } = 64 << 20;

    /// <summary>Write the null count of each column chunk.</summary>
    public bool WriteStatistics { get; init; } = true;
}
