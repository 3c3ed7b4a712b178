using System.Buffers;
using System.Buffers.Binary;

namespace Aderencia.Data.Parquet;

/// <summary>Decodes one column chunk (all its pages) of one row group into row values.</summary>
/// <remarks>Works on the chunk's bytes in a pooled buffer; page buffers are pooled too. Errors are
/// <see cref="ParquetDecodeException"/>s or thrift errors that the reader wraps with file and column.</remarks>
internal sealed class ColumnChunkReader
{
    /// <summary>Most level values one page may declare, so a forged header cannot demand gigabytes.</summary>
    public const int MaxPageValues = 1 << 24;

    /// <summary>Largest decompressed page accepted.</summary>
    public const int MaxPageBytes = 1 << 30;

    private readonly LeafColumn _leaf;
    private readonly ParquetCompression _codec;
    private readonly object?[] _rows;
    private object?[]? _dictionary;
    private int _row = -1;
    private long _levelsLeft;
    private readonly List<object?> _list = [];
    private bool _listOpen;

    private ColumnChunkReader(LeafColumn leaf, ParquetCompression codec, int rowCount, long valueCount)
    {
        _leaf = leaf;
        _codec = codec;
        _rows = new object?[rowCount];
        _levelsLeft = valueCount;
    }

    public static object?[] Read(LeafColumn leaf, ColumnChunkMetadata meta, ReadOnlySpan<byte> chunk, int rowCount)
    {
        if (!leaf.IsList && meta.NumValues != rowCount)
            throw new ParquetDecodeException($"column chunk holds {meta.NumValues} values but the row group has {rowCount} rows");
        if (meta.NumValues < rowCount)
            throw new ParquetDecodeException($"column chunk holds {meta.NumValues} values, fewer than the row group's {rowCount} rows");
        var r = new ColumnChunkReader(leaf, meta.Codec, rowCount, meta.NumValues);
        r.ReadPages(chunk);
        return r.Finish();
    }

    private void ReadPages(ReadOnlySpan<byte> chunk)
    {
        int pos = 0;
        while (_levelsLeft > 0)
        {
            if (pos >= chunk.Length)
                throw new ParquetDecodeException($"column chunk ends with {_levelsLeft} values still missing");
            int headerLen = MetadataReader.ReadPageHeader(chunk[pos..], out var h);
            pos += headerLen;
            if (h.CompressedSize < 0 || h.CompressedSize > chunk.Length - pos)
                throw new ParquetDecodeException($"page declares {h.CompressedSize} bytes but only {chunk.Length - pos} remain in the column chunk");
            if (h.UncompressedSize < 0 || h.UncompressedSize > MaxPageBytes)
                throw new ParquetDecodeException($"page declares an uncompressed size of {h.UncompressedSize} bytes");
            var body = chunk.Slice(pos, h.CompressedSize);
            pos += h.CompressedSize;
            switch (h.Type)
            {
                case PageType.DictionaryPage:
                    ReadDictionary(h, body);
                    break;
                case PageType.DataPage:
                    ReadDataPageV1(h, body);
                    break;
                case PageType.DataPageV2:
                    ReadDataPageV2(h, body);
                    break;
                default:
                    break;
            }
        }
    }

    private void ReadDictionary(PageHeader h, ReadOnlySpan<byte> body)
    {
        if (_dictionary is not null) throw new ParquetDecodeException("column chunk has two dictionary pages");
        if (h.Encoding is not (ParquetEncoding.Plain or ParquetEncoding.PlainDictionary))
            throw new ParquetDecodeException($"dictionary page encoding {h.Encoding} is not supported");
        if (h.NumValues < 0 || (long)h.NumValues > (long)h.UncompressedSize * 8 + 8)
            throw new ParquetDecodeException($"dictionary page declares {h.NumValues} entries in {h.UncompressedSize} bytes");
        byte[] buf = ArrayPool<byte>.Shared.Rent(h.UncompressedSize);
        try
        {
            var data = buf.AsSpan(0, h.UncompressedSize);
            Decompressor.Decompress(_codec, body, data);
            var dict = new object?[h.NumValues];
            ValueDecoder.DecodePlain(data, _leaf.Converter, dict);
            _dictionary = dict;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
    }

    private void ReadDataPageV1(PageHeader h, ReadOnlySpan<byte> body)
    {
        int n = CheckValueCount(h.NumValues);
        byte[] buf = ArrayPool<byte>.Shared.Rent(h.UncompressedSize);
        try
        {
            var data = buf.AsSpan(0, h.UncompressedSize);
            Decompressor.Decompress(_codec, body, data);
            int pos = 0;
            ReadOnlySpan<byte> rep = default, def = default;
            if (_leaf.MaxRepetition > 0) rep = LengthPrefixed(data, ref pos);
            if (_leaf.MaxDefinition > 0)
            {
                if (h.DefinitionEncoding != ParquetEncoding.Rle)
                    throw new ParquetDecodeException($"definition level encoding {h.DefinitionEncoding} is not supported");
                def = LengthPrefixed(data, ref pos);
            }
            DecodePage(h.Encoding, n, rep, def, data[pos..]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
    }

    private void ReadDataPageV2(PageHeader h, ReadOnlySpan<byte> body)
    {
        int n = CheckValueCount(h.NumValues);
        int repLen = h.RepetitionLevelsLength, defLen = h.DefinitionLevelsLength;
        if (repLen < 0 || defLen < 0 || (long)repLen + defLen > body.Length || (long)repLen + defLen > h.UncompressedSize)
            throw new ParquetDecodeException("page v2 level lengths exceed the page");
        var rep = body[..repLen];
        var def = body.Slice(repLen, defLen);
        var values = body[(repLen + defLen)..];
        int valuesSize = h.UncompressedSize - repLen - defLen;
        if (!h.IsCompressed || _codec == ParquetCompression.Uncompressed)
        {
            if (values.Length != valuesSize) throw new ParquetDecodeException("uncompressed page size does not match its header");
            DecodePage(h.Encoding, n, rep, def, values);
            return;
        }
        byte[] buf = ArrayPool<byte>.Shared.Rent(valuesSize);
        try
        {
            var data = buf.AsSpan(0, valuesSize);
            Decompressor.Decompress(_codec, values, data);
            DecodePage(h.Encoding, n, rep, def, data);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
    }

    private int CheckValueCount(int numValues)
    {
        long limit = _leaf.IsList ? Math.Min(_levelsLeft, MaxPageValues) : Math.Min(_levelsLeft, _rows.Length - (_row + 1));
        if (numValues < 0 || numValues > limit)
            throw new ParquetDecodeException($"page declares {numValues} values but at most {limit} remain in the column chunk");
        _levelsLeft -= numValues;
        return numValues;
    }

    private static ReadOnlySpan<byte> LengthPrefixed(ReadOnlySpan<byte> data, scoped ref int pos)
    {
        if (data.Length - pos < 4) throw new ParquetDecodeException("level data is truncated");
        int len = BinaryPrimitives.ReadInt32LittleEndian(data[pos..]);
        pos += 4;
        if (len < 0 || len > data.Length - pos) throw new ParquetDecodeException($"level data declares {len} bytes but only {data.Length - pos} remain");
        var s = data.Slice(pos, len);
        pos += len;
        return s;
    }

    private void DecodePage(ParquetEncoding encoding, int n, ReadOnlySpan<byte> rep, ReadOnlySpan<byte> def, ReadOnlySpan<byte> values)
    {
        int[]? defs = null, reps = null;
        object?[]? decoded = null;
        try
        {
            int present = n;
            if (_leaf.MaxDefinition > 0)
            {
                defs = ArrayPool<int>.Shared.Rent(n);
                RleBitPackedDecoder.Decode(def, BitWidth(_leaf.MaxDefinition), defs.AsSpan(0, n));
                present = 0;
                for (int i = 0; i < n; i++)
                {
                    int d = defs[i];
                    if ((uint)d > (uint)_leaf.MaxDefinition) throw new ParquetDecodeException($"definition level {d} exceeds the maximum {_leaf.MaxDefinition}");
                    if (d == _leaf.MaxDefinition) present++;
                }
            }
            if (_leaf.MaxRepetition > 0)
            {
                reps = ArrayPool<int>.Shared.Rent(n);
                RleBitPackedDecoder.Decode(rep, BitWidth(_leaf.MaxRepetition), reps.AsSpan(0, n));
            }

            if (!_leaf.IsList && present == n)
            {
                ValueDecoder.Decode(encoding, values, _leaf.Converter, _dictionary, _rows.AsSpan(_row + 1, n));
                _row += n;
                return;
            }
            decoded = ArrayPool<object?>.Shared.Rent(present);
            ValueDecoder.Decode(encoding, values, _leaf.Converter, _dictionary, decoded.AsSpan(0, present));
            if (_leaf.IsList) AssembleLists(n, reps!, defs, decoded);
            else Scatter(n, defs!, decoded);
        }
        finally
        {
            if (defs is not null) ArrayPool<int>.Shared.Return(defs);
            if (reps is not null) ArrayPool<int>.Shared.Return(reps);
            if (decoded is not null) ArrayPool<object?>.Shared.Return(decoded, clearArray: true);
        }
    }

    private void Scatter(int n, int[] defs, object?[] decoded)
    {
        int v = 0, max = _leaf.MaxDefinition;
        for (int i = 0; i < n; i++) _rows[++_row] = defs[i] == max ? decoded[v++] : null;
    }

    private void AssembleLists(int n, int[] reps, int[]? defs, object?[] decoded)
    {
        int v = 0;
        int max = _leaf.MaxDefinition, listDef = _leaf.ListDefinition, elemDef = _leaf.ElementDefinition;
        for (int i = 0; i < n; i++)
        {
            int d = defs is null ? max : defs[i];
            int r = reps[i];
            if (r == 0)
            {
                CloseList();
                if (++_row >= _rows.Length) throw new ParquetDecodeException($"column chunk holds more than the row group's {_rows.Length} rows");
                if (d < listDef) continue;
                _listOpen = true;
                if (d == listDef) continue;
            }
            else if (r > _leaf.MaxRepetition || !_listOpen || d < elemDef)
            {
                throw new ParquetDecodeException($"repetition level {r} with definition level {d} is invalid here");
            }
            _list.Add(d == max ? decoded[v++] : null);
        }
    }

    private void CloseList()
    {
        if (!_listOpen) return;
        _rows[_row] = _list.Count == 0 ? Array.Empty<object?>() : _list.ToArray();
        _list.Clear();
        _listOpen = false;
    }

    private object?[] Finish()
    {
        CloseList();
        if (_row + 1 != _rows.Length)
            throw new ParquetDecodeException($"column chunk holds {_row + 1} rows but the row group has {_rows.Length}");
        return _rows;
    }

    private static int BitWidth(int max) => 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)max);
}
