namespace Aderencia.Data.Parquet;

// The subset of parquet.thrift's structures this codec reads and writes.

internal sealed class FileMetadata
{
    public int Version = 1;
    public List<SchemaElement> Schema = [];
    public long NumRows;
    public List<RowGroupMetadata> RowGroups = [];
    public string? CreatedBy;
}

internal sealed class SchemaElement
{
    public PhysicalType? Type;
    public int TypeLength;
    public Repetition? Repetition;
    public string Name = "";
    public int NumChildren;
    public ConvertedType Converted = ConvertedType.None;
    public int Scale;
    public int Precision;
    public LogicalKind Logical;
    public TimeUnit LogicalUnit = TimeUnit.Micros;
    public int IntBitWidth;
    public bool IntSigned = true;
}

internal sealed class RowGroupMetadata
{
    public List<ColumnChunkMetadata> Columns = [];
    public long TotalByteSize;
    public long NumRows;
}

internal sealed class ColumnChunkMetadata
{
    public PhysicalType Type;
    public List<ParquetEncoding> Encodings = [];
    public string[] Path = [];
    public ParquetCompression Codec;
    public long NumValues;
    public long TotalUncompressedSize;
    public long TotalCompressedSize;
    public long DataPageOffset;
    public long? DictionaryPageOffset;
    public long? NullCount;
}

internal sealed class PageHeader
{
    public PageType Type;
    public int UncompressedSize;
    public int CompressedSize;
    public int NumValues;
    public ParquetEncoding Encoding;
    public ParquetEncoding DefinitionEncoding = ParquetEncoding.Rle;
    public int NumNulls;
    public int NumRows;
    public int DefinitionLevelsLength;
    public int RepetitionLevelsLength;
    public bool IsCompressed = true;
}
