namespace Aderencia.Data.Parquet;

/// <summary>Decodes the RLE / bit-packing hybrid used for levels, dictionary indices and booleans.</summary>
internal static class RleBitPackedDecoder
{
    /// <summary>Fills <paramref name="dest"/> from <paramref name="data"/>; returns the bytes consumed.</summary>
    public static int Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> dest)
    {
        if (bitWidth is < 0 or > 32) throw new ParquetDecodeException($"bit width {bitWidth} is out of range");
        int pos = 0, filled = 0;
        int byteWidth = (bitWidth + 7) / 8;
        while (filled < dest.Length)
        {
            if (pos >= data.Length) throw new ParquetDecodeException("RLE/bit-packed data ends before all values were read");
            ulong header = ReadUleb(data, ref pos);
            if ((header & 1) == 0)
            {
                ulong runLength = header >> 1;
                if (byteWidth > data.Length - pos) throw new ParquetDecodeException("RLE run value is truncated");
                int value = 0;
                for (int i = 0; i < byteWidth; i++) value |= data[pos + i] << (8 * i);
                pos += byteWidth;
                int n = (int)Math.Min(runLength, (ulong)(dest.Length - filled));
                dest.Slice(filled, n).Fill(value);
                filled += n;
            }
            else
            {
                ulong groups = header >> 1;
                ulong bytes = groups * (ulong)bitWidth;
                if (groups > int.MaxValue || bytes > (ulong)(data.Length - pos))
                {
                    // Writers may truncate the final group's padding; take what is there.
                    bytes = (ulong)(data.Length - pos);
                }
                long values = (long)Math.Min(bitWidth == 0 ? groups * 8 : bytes * 8 / (ulong)bitWidth, groups * 8);
                int n = (int)Math.Min(values, dest.Length - filled);
                if (n == 0 && bitWidth != 0) throw new ParquetDecodeException("bit-packed run is truncated");
                Unpack(data.Slice(pos, (int)bytes), bitWidth, dest.Slice(filled, n));
                pos += (int)bytes;
                filled += n;
            }
        }
        return pos;
    }

    /// <summary>Unpacks <paramref name="dest"/>.Length values of <paramref name="bitWidth"/> bits, least significant bit first.</summary>
    public static void Unpack(ReadOnlySpan<byte> src, int bitWidth, Span<int> dest)
    {
        if (bitWidth == 0)
        {
            dest.Clear();
            return;
        }
        ulong mask = (1UL << bitWidth) - 1;
        ulong acc = 0;
        int bits = 0, pos = 0;
        for (int i = 0; i < dest.Length; i++)
        {
            while (bits < bitWidth)
            {
                acc |= (ulong)src[pos++] << bits;
                bits += 8;
            }
            dest[i] = (int)(acc & mask);
            acc >>= bitWidth;
            bits -= bitWidth;
        }
    }

    public static ulong ReadUleb(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length) throw new ParquetDecodeException("varint is truncated");
            byte b = data[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new ParquetDecodeException("varint is too long");
    }
}
