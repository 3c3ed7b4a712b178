using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Aderencia.Data.Parquet;

/// <summary>Reads a Parquet file row group by row group, decoding only the requested columns.</summary>
public sealed class ParquetReader : ITableReader
{
    /// <summary>Largest footer accepted; real footers are kilobytes to a few megabytes.</summary>
    public const int MaxFooterBytes = 64 << 20;

    /// <summary>Most rows one row group may declare (each requested column allocates one slot per row).</summary>
    public const long MaxRowGroupRows = 1 << 27;

    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    private readonly SafeFileHandle _handle;
    private readonly long _fileLength;
    private readonly FileMetadata _meta;
    private readonly IReadOnlyList<LeafColumn> _leaves;
    private readonly IReadOnlyDictionary<string, string> _unsupported;

    public ParquetReader(string path)
    {
        Path = path;
        try
        {
            _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(path, $"cannot open the file ({e.Message})", inner: e);
        }
        try
        {
            _fileLength = RandomAccess.GetLength(_handle);
            _meta = ReadFooter();
            var mapped = MapSchema();
            _leaves = mapped.Columns;
            _unsupported = mapped.Unsupported;
            Schema = new TableSchema(_leaves.Select(l => l.Schema).ToArray());
        }
        catch
        {
            _handle.Dispose();
            throw;
        }
    }

    public string Path { get; }
    public TableSchema Schema { get; }
    public long? RowCount => _meta.NumRows;

    /// <summary>Columns present in the file that this reader cannot decode, with the reason.</summary>
    public IReadOnlyDictionary<string, string> UnsupportedColumns => _unsupported;

    public ParquetFileInfo Info
    {
        get
        {
            var first = _meta.RowGroups.Count > 0 ? _meta.RowGroups[0] : null;
            var cols = new List<ParquetColumnInfo>();
            if (first is not null)
            {
                foreach (var c in first.Columns)
                {
                    string top = c.Path.Length > 0 ? c.Path[0] : "";
                    cols.Add(new ParquetColumnInfo(
                        string.Join('.', c.Path), PhysicalName(c.Type), c.Codec, c.Encodings,
                        c.TotalCompressedSize, c.TotalUncompressedSize,
                        _unsupported.TryGetValue(top, out var why) ? why : null));
                }
            }
            return new ParquetFileInfo(_meta.NumRows, _meta.RowGroups.Count, _meta.CreatedBy, cols);
        }
    }

    public IEnumerable<Table> ReadBatches(IReadOnlyCollection<string>? columns = null)
    {
        var selected = Select(columns);
        var schema = new TableSchema(selected.Select(l => l.Schema).ToArray());
        return ReadGroups(selected, schema);
    }

    private IEnumerable<Table> ReadGroups(IReadOnlyList<LeafColumn> selected, TableSchema schema)
    {
        for (int g = 0; g < _meta.RowGroups.Count; g++)
            yield return ReadRowGroup(g, selected, schema);
    }

    private Table ReadRowGroup(int g, IReadOnlyList<LeafColumn> selected, TableSchema schema)
    {
        var group = _meta.RowGroups[g];
        int rows = (int)group.NumRows;
        var cols = new Column[selected.Count];
        for (int i = 0; i < selected.Count; i++)
        {
            var leaf = selected[i];
            var meta = group.Columns[leaf.ChunkIndex];
            cols[i] = new Column(leaf.Schema, ReadChunk(g, leaf, meta, rows));
        }
        return new Table(schema, cols);
    }

    private object?[] ReadChunk(int g, LeafColumn leaf, ColumnChunkMetadata meta, int rows)
    {
        if (meta.Type != leaf.Converter.Physical)
            throw Error($"row group {g} stores the column as {meta.Type} but the schema says {leaf.Converter.Physical}", leaf.Name);
        if (!Decompressor.IsSupported(meta.Codec))
            throw Error($"compression {meta.Codec.ToString().ToUpperInvariant()} is not supported; {Decompressor.Hint}", leaf.Name);
        long start = meta.DictionaryPageOffset is > 0 and var d && d < meta.DataPageOffset ? d : meta.DataPageOffset;
        long length = meta.TotalCompressedSize;
        if (start < Magic.Length || length <= 0 || length > _fileLength - Magic.Length - start)
            throw Error($"row group {g}: column chunk at offset {start} with {length} bytes lies outside the file (truncated or corrupt file)", leaf.Name);
        if (length > int.MaxValue - 64)
            throw Error($"row group {g}: column chunk of {length} bytes is too large", leaf.Name);

        byte[] buf = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            var chunk = buf.AsSpan(0, (int)length);
            ReadExactly(chunk, start);
            return ColumnChunkReader.Read(leaf, meta, chunk, rows);
        }
        catch (Exception e) when (e is ParquetDecodeException or ThriftException or ArgumentOutOfRangeException or OverflowException)
        {
            throw Error($"row group {g}: {e.Message}", leaf.Name, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
    }

    private List<LeafColumn> Select(IReadOnlyCollection<string>? columns)
    {
        if (columns is null)
        {
            if (_unsupported.Count > 0)
            {
                var (name, why) = _unsupported.First();
                throw Error($"{why}; select only the other columns to read this file", name);
            }
            return _leaves.ToList();
        }
        var result = new List<LeafColumn>(columns.Count);
        foreach (var name in columns)
        {
            int i = Schema.IndexOf(name);
            if (i >= 0)
            {
                result.Add(_leaves[i]);
                continue;
            }
            if (_unsupported.TryGetValue(name, out var why)) throw Error(why, name);
            throw Error($"no such column; the file has: {string.Join(", ", Schema.Columns.Select(c => c.Name))}", name);
        }
        return result;
    }

    private FileMetadata ReadFooter()
    {
        if (_fileLength == 0) throw Error("the file is empty");
        if (_fileLength < 12) throw Error($"the file is too short to be Parquet ({_fileLength} bytes)");
        Span<byte> head = stackalloc byte[4];
        Span<byte> tail = stackalloc byte[8];
        ReadExactly(head, 0);
        ReadExactly(tail, _fileLength - 8);
        if (!head.SequenceEqual(Magic) || !tail[4..].SequenceEqual(Magic))
            throw Error("not a Parquet file (the PAR1 magic bytes are missing at the start or end; the file may be truncated)");
        uint footerLen = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        if (footerLen == 0 || footerLen > _fileLength - 12 || footerLen > MaxFooterBytes)
            throw Error($"corrupted footer: it declares {footerLen} bytes in a file of {_fileLength}");

        byte[] buf = ArrayPool<byte>.Shared.Rent((int)footerLen);
        try
        {
            var footer = buf.AsSpan(0, (int)footerLen);
            ReadExactly(footer, _fileLength - 8 - footerLen);
            var meta = MetadataReader.ReadFileMetadata(footer);
            Validate(meta);
            return meta;
        }
        catch (ThriftException e)
        {
            throw Error($"corrupted footer: {e.Message}", inner: e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
    }

    private void Validate(FileMetadata meta)
    {
        long total = 0;
        foreach (var g in meta.RowGroups)
        {
            if (g.NumRows < 0 || g.NumRows > MaxRowGroupRows)
                throw Error($"corrupted footer: a row group declares {g.NumRows} rows (limit {MaxRowGroupRows})");
            total += g.NumRows;
        }
        if (meta.NumRows != total)
            throw Error($"corrupted footer: the file declares {meta.NumRows} rows but its row groups hold {total}");
    }

    private SchemaMapper.Result MapSchema()
    {
        SchemaMapper.Result mapped;
        try
        {
            mapped = SchemaMapper.Map(_meta.Schema);
        }
        catch (ThriftException e)
        {
            throw Error($"invalid schema: {e.Message}", inner: e);
        }
        for (int g = 0; g < _meta.RowGroups.Count; g++)
        {
            if (_meta.RowGroups[g].Columns.Count != mapped.LeafCount)
                throw Error($"row group {g} has {_meta.RowGroups[g].Columns.Count} column chunks but the schema has {mapped.LeafCount} leaf columns");
        }
        return mapped;
    }

    private void ReadExactly(Span<byte> dest, long offset)
    {
        while (dest.Length > 0)
        {
            int n = RandomAccess.Read(_handle, dest, offset);
            if (n <= 0) throw Error("the file is truncated");
            dest = dest[n..];
            offset += n;
        }
    }

    private static string PhysicalName(PhysicalType t) => t switch
    {
        PhysicalType.ByteArray => "BYTE_ARRAY",
        PhysicalType.FixedLenByteArray => "FIXED_LEN_BYTE_ARRAY",
        _ => t.ToString().ToUpperInvariant(),
    };

    private DataFormatException Error(string message, string? column = null, Exception? inner = null) =>
        new(Path, message, null, column, inner);

    public void Dispose() => _handle.Dispose();
}
