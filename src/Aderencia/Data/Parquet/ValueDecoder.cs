using System.Buffers;
using System.Buffers.Binary;

namespace Aderencia.Data.Parquet;

/// <summary>Decodes the non-null values of one page, in any supported encoding, into boxed CLR values.</summary>
internal static class ValueDecoder
{
    public static void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, ValueConverter conv, object?[]? dictionary, Span<object?> dest)
    {
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                DecodePlain(data, conv, dest);
                break;
            case ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary:
                DecodeDictionary(data, dictionary ?? throw new ParquetDecodeException("dictionary-encoded page without a dictionary page"), dest);
                break;
            case ParquetEncoding.Rle when conv.Physical == PhysicalType.Boolean:
                DecodeRleBooleans(data, dest);
                break;
            case ParquetEncoding.DeltaBinaryPacked when conv.Physical is PhysicalType.Int32 or PhysicalType.Int64:
                DecodeDeltaIntegers(data, conv, dest);
                break;
            case ParquetEncoding.DeltaLengthByteArray when conv.Physical == PhysicalType.ByteArray:
                DecodeDeltaLength(data, conv, dest);
                break;
            case ParquetEncoding.DeltaByteArray when conv.Physical is PhysicalType.ByteArray or PhysicalType.FixedLenByteArray:
                DecodeDeltaByteArray(data, conv, dest);
                break;
            case ParquetEncoding.ByteStreamSplit when conv.FixedWidth > 0:
                DecodeByteStreamSplit(data, conv, dest);
                break;
            default:
                throw new ParquetDecodeException($"encoding {encoding} is not supported for {conv.Physical} values");
        }
    }

    /// <summary>PLAIN values; returns the bytes consumed.</summary>
    public static int DecodePlain(ReadOnlySpan<byte> data, ValueConverter conv, Span<object?> dest)
    {
        if (conv.Physical == PhysicalType.Boolean)
        {
            if ((dest.Length + 7) / 8 > data.Length) throw Truncated();
            for (int i = 0; i < dest.Length; i++) dest[i] = ValueConverter.Bool((data[i >> 3] >> (i & 7) & 1) != 0);
            return (dest.Length + 7) / 8;
        }
        if (conv.Physical == PhysicalType.ByteArray)
        {
            int pos = 0;
            for (int i = 0; i < dest.Length; i++)
            {
                if (data.Length - pos < 4) throw Truncated();
                uint len = BinaryPrimitives.ReadUInt32LittleEndian(data[pos..]);
                pos += 4;
                if (len > (uint)(data.Length - pos)) throw Truncated();
                dest[i] = conv.FromBytes(data.Slice(pos, (int)len));
                pos += (int)len;
            }
            return pos;
        }
        int w = conv.FixedWidth;
        if ((long)w * dest.Length > data.Length) throw Truncated();
        for (int i = 0; i < dest.Length; i++) dest[i] = conv.FromFixed(data.Slice(i * w, w));
        return w * dest.Length;
    }

    private static void DecodeDictionary(ReadOnlySpan<byte> data, object?[] dictionary, Span<object?> dest)
    {
        if (dest.Length == 0) return;
        if (data.Length == 0) throw Truncated();
        int bitWidth = data[0];
        int[] idx = ArrayPool<int>.Shared.Rent(dest.Length);
        try
        {
            RleBitPackedDecoder.Decode(data[1..], bitWidth, idx.AsSpan(0, dest.Length));
            for (int i = 0; i < dest.Length; i++)
            {
                uint k = (uint)idx[i];
                if (k >= (uint)dictionary.Length)
                    throw new ParquetDecodeException($"dictionary index {k} is out of range (dictionary has {dictionary.Length} entries)");
                dest[i] = dictionary[k];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(idx);
        }
    }

    private static void DecodeRleBooleans(ReadOnlySpan<byte> data, Span<object?> dest)
    {
        if (data.Length < 4) throw Truncated();
        int len = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (len < 0 || len > data.Length - 4) throw Truncated();
        int[] bits = ArrayPool<int>.Shared.Rent(dest.Length);
        try
        {
            RleBitPackedDecoder.Decode(data.Slice(4, len), 1, bits.AsSpan(0, dest.Length));
            for (int i = 0; i < dest.Length; i++) dest[i] = ValueConverter.Bool(bits[i] != 0);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bits);
        }
    }

    private static void DecodeDeltaIntegers(ReadOnlySpan<byte> data, ValueConverter conv, Span<object?> dest)
    {
        long[] values = ArrayPool<long>.Shared.Rent(dest.Length);
        try
        {
            DeltaBinaryPackedDecoder.Decode(data, values.AsSpan(0, dest.Length));
            for (int i = 0; i < dest.Length; i++) dest[i] = conv.FromDeltaInteger(values[i]);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(values);
        }
    }

    private static void DecodeDeltaLength(ReadOnlySpan<byte> data, ValueConverter conv, Span<object?> dest)
    {
        long[] lengths = ArrayPool<long>.Shared.Rent(dest.Length);
        try
        {
            int pos = DeltaBinaryPackedDecoder.Decode(data, lengths.AsSpan(0, dest.Length));
            for (int i = 0; i < dest.Length; i++)
            {
                long len = lengths[i];
                if (len < 0 || len > data.Length - pos) throw Truncated();
                dest[i] = conv.FromBytes(data.Slice(pos, (int)len));
                pos += (int)len;
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(lengths);
        }
    }

    private static void DecodeDeltaByteArray(ReadOnlySpan<byte> data, ValueConverter conv, Span<object?> dest)
    {
        long[] prefixes = ArrayPool<long>.Shared.Rent(dest.Length);
        long[] suffixes = ArrayPool<long>.Shared.Rent(dest.Length);
        byte[] value = ArrayPool<byte>.Shared.Rent(256);
        try
        {
            int pos = DeltaBinaryPackedDecoder.Decode(data, prefixes.AsSpan(0, dest.Length));
            pos += DeltaBinaryPackedDecoder.Decode(data[pos..], suffixes.AsSpan(0, dest.Length));
            int prevLen = 0;
            for (int i = 0; i < dest.Length; i++)
            {
                long prefix = prefixes[i], suffix = suffixes[i];
                if (prefix < 0 || prefix > prevLen || suffix < 0 || suffix > data.Length - pos) throw Truncated();
                int len = (int)(prefix + suffix);
                if (len > value.Length)
                {
                    byte[] bigger = ArrayPool<byte>.Shared.Rent(len);
                    value.AsSpan(0, prevLen).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(value);
                    value = bigger;
                }
                data.Slice(pos, (int)suffix).CopyTo(value.AsSpan((int)prefix));
                pos += (int)suffix;
                dest[i] = conv.FromBytes(value.AsSpan(0, len));
                prevLen = len;
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(prefixes);
            ArrayPool<long>.Shared.Return(suffixes);
            ArrayPool<byte>.Shared.Return(value);
        }
    }

    private static void DecodeByteStreamSplit(ReadOnlySpan<byte> data, ValueConverter conv, Span<object?> dest)
    {
        int w = conv.FixedWidth, n = dest.Length;
        if ((long)w * n > data.Length) throw Truncated();
        int stride = n;
        Span<byte> one = w <= 64 ? stackalloc byte[w] : new byte[w];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < w; k++) one[k] = data[k * stride + i];
            dest[i] = conv.FromFixed(one);
        }
    }

    private static ParquetDecodeException Truncated() => new("page values are truncated");
}
