namespace Aderencia.Data.Parquet;

/// <summary>File-level facts for <c>data inspect</c>: sizes, writer, and how each leaf column is stored.</summary>
public sealed record ParquetFileInfo(
    long RowCount,
    int RowGroupCount,
    string? CreatedBy,
    IReadOnlyList<ParquetColumnInfo> Columns);

/// <summary>One leaf column as stored in the first row group.</summary>
/// <param name="Path">Dotted path in the Parquet schema (e.g. <c>palavras_chave.list.element</c>).</param>
/// <param name="Supported">Null when readable; otherwise why the column cannot be read.</param>
public sealed record ParquetColumnInfo(
    string Path,
    string PhysicalType,
    ParquetCompression Codec,
    IReadOnlyList<ParquetEncoding> Encodings,
    long CompressedBytes,
    long UncompressedBytes,
    string? Supported);
