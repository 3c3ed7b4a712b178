namespace Aderencia.Data.Parquet;

/// <summary>Raw Snappy block decoder writing into a buffer of known size, with every offset checked.</summary>
internal static class SnappyDecoder
{
    public static void Decode(ReadOnlySpan<byte> src, Span<byte> dest)
    {
        int pos = 0;
        ulong declared = RleBitPackedDecoder.ReadUleb(src, ref pos);
        if (declared != (ulong)dest.Length)
            throw new ParquetDecodeException($"snappy block holds {declared} bytes but the page header says {dest.Length}");
        int outPos = 0;
        while (pos < src.Length)
        {
            byte tag = src[pos++];
            int len, offset;
            switch (tag & 3)
            {
                case 0:
                    len = tag >> 2;
                    if (len >= 60)
                    {
                        int extra = len - 59;
                        if (extra > src.Length - pos) throw Corrupt();
                        len = 0;
                        for (int i = 0; i < extra; i++) len |= src[pos + i] << (8 * i);
                        pos += extra;
                    }
                    len += 1;
                    if (len <= 0 || len > src.Length - pos || len > dest.Length - outPos) throw Corrupt();
                    src.Slice(pos, len).CopyTo(dest[outPos..]);
                    pos += len;
                    outPos += len;
                    continue;
                case 1:
                    if (pos >= src.Length) throw Corrupt();
                    len = 4 + ((tag >> 2) & 7);
                    offset = ((tag >> 5) << 8) | src[pos++];
                    break;
                case 2:
                    if (2 > src.Length - pos) throw Corrupt();
                    len = (tag >> 2) + 1;
                    offset = src[pos] | src[pos + 1] << 8;
                    pos += 2;
                    break;
                default:
                    if (4 > src.Length - pos) throw Corrupt();
                    len = (tag >> 2) + 1;
                    offset = src[pos] | src[pos + 1] << 8 | src[pos + 2] << 16 | src[pos + 3] << 24;
                    pos += 4;
                    break;
            }
            if (offset <= 0 || offset > outPos || len > dest.Length - outPos) throw Corrupt();
            if (offset >= len)
            {
                dest.Slice(outPos - offset, len).CopyTo(dest[outPos..]);
            }
            else
            {
                for (int i = 0; i < len; i++) dest[outPos + i] = dest[outPos - offset + i];
            }
            outPos += len;
        }
        if (outPos != dest.Length) throw new ParquetDecodeException("snappy block is shorter than its declared size");
    }

    private static ParquetDecodeException Corrupt() => new("snappy data is corrupt");
}
