using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Aderencia.Data.Parquet;

/// <summary>Writes one column of a row group: an optional dictionary page, then data pages (v1).</summary>
internal sealed class ColumnChunkWriter
{
    private readonly WriterColumn _column;
    private readonly ParquetWriterOptions _options;
    private readonly PlainEncoder _plain;
    private readonly ThriftCompactWriter _thrift = new();
    private readonly ArrayBufferWriter<byte> _page = new(1 << 16);
    private readonly ArrayBufferWriter<byte> _levels = new(1 << 12);
    private readonly List<int> _defs = [];
    private readonly List<int> _reps = [];
    private readonly List<int> _indices = [];

    public ColumnChunkWriter(WriterColumn column, ParquetWriterOptions options)
    {
        _column = column;
        _options = options;
        _plain = new PlainEncoder(column);
    }

    public ColumnChunkMetadata Write(Stream output, object?[] values, int start, int count)
    {
        var meta = new ColumnChunkMetadata
        {
            Type = _column.Physical, Path = _column.Path, Codec = _options.Compression,
        };
        string[]? dictionary = _column.LeafSchema.Kind == DataKind.String ? BuildDictionary(values, start, count) : null;
        var encoding = ParquetEncoding.Plain;
        if (dictionary is not null)
        {
            meta.DictionaryPageOffset = output.Position;
            _plain.Reset();
            foreach (var s in dictionary) _plain.AddString(s);
            WritePage(output, meta, PageType.DictionaryPage, dictionary.Length, ParquetEncoding.Plain, _plain.Finish());
            encoding = ParquetEncoding.RleDictionary;
        }
        meta.DataPageOffset = output.Position;
        long nulls = 0;
        int dictIndex = 0;
        for (int p = 0; p < count; p += _options.PageRowCount)
        {
            int rows = Math.Min(_options.PageRowCount, count - p);
            nulls += CollectPage(values, start + p, rows, dictionary is not null);
            var body = BuildBody(dictionary, ref dictIndex);
            WritePage(output, meta, PageType.DataPage, _defs.Count, encoding, body);
        }
        meta.Encodings = dictionary is not null
            ? [ParquetEncoding.Plain, ParquetEncoding.Rle, ParquetEncoding.RleDictionary]
            : [ParquetEncoding.Plain, ParquetEncoding.Rle];
        if (_options.WriteStatistics) meta.NullCount = nulls;
        return meta;
    }

    /// <summary>Distinct strings in first-seen order, or null when PLAIN is the better choice.</summary>
    private string[]? BuildDictionary(object?[] values, int start, int count)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        long bytes = 0, total = 0;
        _indices.Clear();
        foreach (var s in Strings(values, start, count))
        {
            total++;
            if (!seen.TryGetValue(s, out int k))
            {
                k = seen.Count;
                seen.Add(s, k);
                bytes += 4 + System.Text.Encoding.UTF8.GetByteCount(s);
                if (bytes > _options.MaxDictionaryBytes) return null;
            }
            _indices.Add(k);
        }
        if (seen.Count == 0 || seen.Count > total * 3 / 4 + 1) return null;
        var dict = new string[seen.Count];
        foreach (var (s, k) in seen) dict[k] = s;
        return dict;
    }

    private IEnumerable<string> Strings(object?[] values, int start, int count)
    {
        for (int r = start; r < start + count; r++)
        {
            if (values[r] is string s) yield return s;
            else if (values[r] is object?[] list)
                foreach (var e in list)
                    if (e is string es) yield return es;
        }
    }

    /// <summary>Fills levels and (unless dictionary-encoded) PLAIN values for the rows; returns the null count.</summary>
    private long CollectPage(object?[] values, int start, int rows, bool dictionary)
    {
        _defs.Clear();
        _reps.Clear();
        _plain.Reset();
        long nulls = 0;
        int maxDef = _column.MaxDefinition;
        for (int r = start; r < start + rows; r++)
        {
            var v = values[r];
            if (!_column.IsList)
            {
                if (v is null)
                {
                    if (!_column.Schema.Nullable) throw NullInRequired(r);
                    nulls++;
                    _defs.Add(0);
                    continue;
                }
                _defs.Add(maxDef);
                if (!dictionary) _plain.Add(v);
                continue;
            }
            if (v is null)
            {
                if (!_column.Schema.Nullable) throw NullInRequired(r);
                nulls++;
                _reps.Add(0);
                _defs.Add(0);
                continue;
            }
            var list = v as object?[] ?? throw new ArgumentException($"column '{_column.Schema.Name}' row {r}: expected object?[] for a list, got {v.GetType().Name}");
            if (list.Length == 0)
            {
                _reps.Add(0);
                _defs.Add(_column.ListDefinition);
                continue;
            }
            for (int i = 0; i < list.Length; i++)
            {
                _reps.Add(i == 0 ? 0 : 1);
                if (list[i] is { } e)
                {
                    _defs.Add(maxDef);
                    if (!dictionary) _plain.Add(e);
                }
                else
                {
                    if (!_column.LeafSchema.Nullable) throw NullInRequired(r);
                    _defs.Add(maxDef - 1);
                }
            }
        }
        return nulls;
    }

    private ArgumentException NullInRequired(int row) =>
        new($"column '{_column.Schema.Name}' is not nullable but row {row} holds a null");

    private ReadOnlySpan<byte> BuildBody(string[]? dictionary, ref int dictIndex)
    {
        _page.ResetWrittenCount();
        if (_column.IsList) WriteLevels(_reps, 1);
        if (_column.MaxDefinition > 0) WriteLevels(_defs, _column.MaxDefinition);
        if (dictionary is null)
        {
            _page.Write(_plain.Finish());
            return _page.WrittenSpan;
        }
        int present = 0, maxDef = _column.MaxDefinition;
        foreach (int d in _defs) if (d == maxDef) present++;
        int bitWidth = Math.Max(1, BitWidth(dictionary.Length - 1));
        _page.GetSpan(1)[0] = (byte)bitWidth;
        _page.Advance(1);
        var idx = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_indices).Slice(dictIndex, present);
        RleBitPackedEncoder.Encode(idx, bitWidth, _page);
        dictIndex += present;
        return _page.WrittenSpan;
    }

    private void WriteLevels(List<int> levels, int max)
    {
        _levels.ResetWrittenCount();
        RleBitPackedEncoder.Encode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(levels), BitWidth(max), _levels);
        var len = _page.GetSpan(4);
        BinaryPrimitives.WriteInt32LittleEndian(len, _levels.WrittenCount);
        _page.Advance(4);
        _page.Write(_levels.WrittenSpan);
    }

    private void WritePage(Stream output, ColumnChunkMetadata meta, PageType type, int numValues, ParquetEncoding encoding, ReadOnlySpan<byte> body)
    {
        ReadOnlySpan<byte> stored = body;
        switch (_options.Compression)
        {
            case ParquetCompression.Snappy:
                stored = IronSnappy.Snappy.Encode(body);
                break;
            case ParquetCompression.Gzip:
                var ms = new MemoryStream();
                using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(body);
                stored = ms.GetBuffer().AsSpan(0, (int)ms.Length);
                break;
            case ParquetCompression.Uncompressed:
                break;
            default:
                throw new NotSupportedException($"compression {_options.Compression} cannot be written; use snappy, gzip or none");
        }
        var header = new PageHeader
        {
            Type = type, UncompressedSize = body.Length, CompressedSize = stored.Length,
            NumValues = numValues, Encoding = encoding,
        };
        _thrift.Clear();
        MetadataWriter.WritePageHeader(_thrift, header);
        output.Write(_thrift.Written);
        output.Write(stored);
        meta.TotalCompressedSize += _thrift.Written.Length + stored.Length;
        meta.TotalUncompressedSize += _thrift.Written.Length + body.Length;
        if (type != PageType.DictionaryPage) meta.NumValues += numValues;
    }

    private static int BitWidth(int max) => 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)max);
}
