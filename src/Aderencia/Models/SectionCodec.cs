using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Aderencia.Models;

/// <summary>Encodes float arrays as section payloads (little-endian) and back.</summary>
internal static class SectionCodec
{
    public const int Int8Block = 256;

    public static int EncodedSize(SectionEncoding e, int count) => e switch
    {
        SectionEncoding.Float32 => count * 4,
        SectionEncoding.Float16 => count * 2,
        SectionEncoding.Int8 => (count + Int8Block - 1) / Int8Block * 4 + count,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "unknown section encoding"),
    };

    public static void Encode(SectionEncoding e, ReadOnlySpan<float> values, Span<byte> output)
    {
        switch (e)
        {
            case SectionEncoding.Float32:
                if (BitConverter.IsLittleEndian) MemoryMarshal.AsBytes(values).CopyTo(output);
                else for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(output[(i * 4)..], values[i]);
                break;
            case SectionEncoding.Float16:
                if (!values.IsEmpty && Math.Abs(TensorPrimitives.MaxMagnitude(values)) > (float)Half.MaxValue)
                    throw new ArgumentException("a value exceeds the float16 range; save this section as float32");
                var halves = MemoryMarshal.Cast<byte, Half>(output[..(values.Length * 2)]);
                TensorPrimitives.ConvertToHalf(values, halves);
                if (!BitConverter.IsLittleEndian) FixHalfEndianness(output[..(values.Length * 2)]);
                break;
            case SectionEncoding.Int8:
                int blocks = (values.Length + Int8Block - 1) / Int8Block;
                var q = MemoryMarshal.Cast<byte, sbyte>(output[(blocks * 4)..]);
                for (int b = 0; b < blocks; b++)
                {
                    var block = values.Slice(b * Int8Block, Math.Min(Int8Block, values.Length - b * Int8Block));
                    float scale = Math.Abs(TensorPrimitives.MaxMagnitude(block)) / 127f;
                    BinaryPrimitives.WriteSingleLittleEndian(output[(b * 4)..], scale);
                    float inv = scale == 0 ? 0 : 1f / scale;
                    for (int i = 0; i < block.Length; i++)
                        q[b * Int8Block + i] = (sbyte)Math.Clamp(MathF.Round(block[i] * inv), -127f, 127f);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e, "unknown section encoding");
        }
    }

    public static void Decode(SectionEncoding e, ReadOnlySpan<byte> input, Span<float> values)
    {
        switch (e)
        {
            case SectionEncoding.Float32:
                if (BitConverter.IsLittleEndian) MemoryMarshal.Cast<byte, float>(input[..(values.Length * 4)]).CopyTo(values);
                else for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(input[(i * 4)..]);
                break;
            case SectionEncoding.Float16:
                if (BitConverter.IsLittleEndian) TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(input[..(values.Length * 2)]), values);
                else for (int i = 0; i < values.Length; i++) values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(input[(i * 2)..]);
                break;
            case SectionEncoding.Int8:
                int blocks = (values.Length + Int8Block - 1) / Int8Block;
                var q = MemoryMarshal.Cast<byte, sbyte>(input.Slice(blocks * 4, values.Length));
                for (int b = 0; b < blocks; b++)
                {
                    float scale = BinaryPrimitives.ReadSingleLittleEndian(input[(b * 4)..]);
                    int end = Math.Min(values.Length, (b + 1) * Int8Block);
                    for (int i = b * Int8Block; i < end; i++) values[i] = q[i] * scale;
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e, "unknown section encoding");
        }
    }

    private static void FixHalfEndianness(Span<byte> bytes)
    {
        var shorts = MemoryMarshal.Cast<byte, ushort>(bytes);
        BinaryPrimitives.ReverseEndianness(shorts, shorts);
    }
}
