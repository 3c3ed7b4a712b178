using System.Buffers;

namespace Aderencia.Data.Parquet;

/// <summary>Encodes values with the RLE / bit-packing hybrid: runs of 8 or more as RLE, the rest bit-packed.</summary>
internal static class RleBitPackedEncoder
{
    public static void Encode(ReadOnlySpan<int> values, int bitWidth, IBufferWriter<byte> output)
    {
        int i = 0, pendingStart = 0;
        while (i < values.Length)
        {
            int run = 1;
            while (i + run < values.Length && values[i + run] == values[i]) run++;
            if (run >= 8)
            {
                // Bit-packed groups hold multiples of 8, so top the pending values up from this run.
                int pending = i - pendingStart;
                int topUp = (8 - pending % 8) % 8;
                if (pending > 0)
                {
                    WriteBitPacked(values.Slice(pendingStart, pending + topUp), bitWidth, output);
                    i += topUp;
                    run -= topUp;
                }
                if (run > 0) WriteRle(values[i], run, bitWidth, output);
                i += run;
                pendingStart = i;
            }
            else
            {
                i += run;
            }
        }
        if (pendingStart < values.Length) WriteBitPacked(values[pendingStart..], bitWidth, output);
    }

    private static void WriteRle(int value, int count, int bitWidth, IBufferWriter<byte> output)
    {
        WriteUleb((ulong)count << 1, output);
        int bytes = (bitWidth + 7) / 8;
        var span = output.GetSpan(bytes);
        for (int b = 0; b < bytes; b++) span[b] = (byte)(value >> (8 * b));
        output.Advance(bytes);
    }

    /// <summary>Writes the values as bit-packed groups of 8, padding the last group with zeros.</summary>
    private static void WriteBitPacked(ReadOnlySpan<int> values, int bitWidth, IBufferWriter<byte> output)
    {
        int groups = (values.Length + 7) / 8;
        WriteUleb((ulong)groups << 1 | 1, output);
        int bytes = groups * bitWidth;
        var span = output.GetSpan(bytes)[..bytes];
        span.Clear();
        ulong acc = 0;
        int bits = 0, pos = 0;
        for (int k = 0; k < groups * 8; k++)
        {
            ulong v = k < values.Length ? (uint)values[k] : 0;
            acc |= v << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                span[pos++] = (byte)acc;
                acc >>= 8;
                bits -= 8;
            }
        }
        output.Advance(bytes);
    }

    public static void WriteUleb(ulong v, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(10);
        int i = 0;
        while (v >= 0x80)
        {
            span[i++] = (byte)(v | 0x80);
            v >>= 7;
        }
        span[i++] = (byte)v;
        output.Advance(i);
    }
}
