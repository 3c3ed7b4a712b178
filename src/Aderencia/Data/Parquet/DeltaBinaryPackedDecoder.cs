namespace Aderencia.Data.Parquet;

/// <summary>Decodes DELTA_BINARY_PACKED integers (also the length streams of the delta byte-array encodings).</summary>
internal static class DeltaBinaryPackedDecoder
{
    /// <summary>Reads the value count from the header without decoding.</summary>
    public static int PeekCount(ReadOnlySpan<byte> data)
    {
        int pos = 0;
        RleBitPackedDecoder.ReadUleb(data, ref pos);
        RleBitPackedDecoder.ReadUleb(data, ref pos);
        ulong total = RleBitPackedDecoder.ReadUleb(data, ref pos);
        if (total > int.MaxValue) throw new ParquetDecodeException("delta value count is out of range");
        return (int)total;
    }

    /// <summary>Decodes exactly dest.Length values; returns the bytes consumed.</summary>
    public static int Decode(ReadOnlySpan<byte> data, Span<long> dest)
    {
        int pos = 0;
        ulong blockSize = RleBitPackedDecoder.ReadUleb(data, ref pos);
        ulong miniblocks = RleBitPackedDecoder.ReadUleb(data, ref pos);
        ulong total = RleBitPackedDecoder.ReadUleb(data, ref pos);
        long value = ZigZag(RleBitPackedDecoder.ReadUleb(data, ref pos));
        if (blockSize == 0 || blockSize % 128 != 0 || blockSize > 1 << 20 || miniblocks == 0 || blockSize % miniblocks != 0
            || blockSize / miniblocks % 32 != 0)
            throw new ParquetDecodeException($"invalid delta block header (block {blockSize}, miniblocks {miniblocks})");
        if (total != (ulong)dest.Length)
            throw new ParquetDecodeException($"delta encoding holds {total} values, expected {dest.Length}");
        if (dest.Length == 0) return pos;

        int perMini = (int)(blockSize / miniblocks);
        int miniCount = (int)miniblocks;
        dest[0] = value;
        int filled = 1;
        Span<byte> widths = miniCount <= 256 ? stackalloc byte[miniCount] : new byte[miniCount];
        while (filled < dest.Length)
        {
            long minDelta = ZigZag(RleBitPackedDecoder.ReadUleb(data, ref pos));
            if (miniCount > data.Length - pos) throw new ParquetDecodeException("delta block is truncated");
            data.Slice(pos, miniCount).CopyTo(widths);
            pos += miniCount;
            for (int m = 0; m < miniCount && filled < dest.Length; m++)
            {
                int bw = widths[m];
                if (bw > 64) throw new ParquetDecodeException($"delta bit width {bw} is out of range");
                int bytes = perMini * bw / 8;
                if (bytes > data.Length - pos) throw new ParquetDecodeException("delta miniblock is truncated");
                int n = Math.Min(perMini, dest.Length - filled);
                var outSpan = dest.Slice(filled, n);
                Unpack64(data.Slice(pos, bytes), bw, outSpan);
                for (int i = 0; i < n; i++)
                {
                    value = unchecked(value + minDelta + outSpan[i]);
                    outSpan[i] = value;
                }
                pos += bytes;
                filled += n;
            }
        }
        return pos;
    }

    private static void Unpack64(ReadOnlySpan<byte> src, int bitWidth, Span<long> dest)
    {
        if (bitWidth == 0)
        {
            dest.Clear();
            return;
        }
        UInt128 mask = (UInt128.One << bitWidth) - 1;
        UInt128 acc = 0;
        int bits = 0, pos = 0;
        for (int i = 0; i < dest.Length; i++)
        {
            while (bits < bitWidth)
            {
                acc |= (UInt128)src[pos++] << bits;
                bits += 8;
            }
            dest[i] = (long)(ulong)(acc & mask);
            acc >>= bitWidth;
            bits -= bitWidth;
        }
    }

    private static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);
}
