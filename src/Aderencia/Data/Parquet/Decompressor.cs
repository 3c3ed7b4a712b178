using System.IO.Compression;

namespace Aderencia.Data.Parquet;

/// <summary>Page decompression into a caller-provided buffer of the exact uncompressed size.</summary>
internal static class Decompressor
{
    public const string Hint = "re-save the file with snappy or gzip compression (e.g. pandas df.to_parquet(..., compression='snappy'))";

    public static bool IsSupported(ParquetCompression codec) =>
        codec is ParquetCompression.Uncompressed or ParquetCompression.Snappy or ParquetCompression.Gzip;

    public static void Decompress(ParquetCompression codec, ReadOnlySpan<byte> src, Span<byte> dest)
    {
        switch (codec)
        {
            case ParquetCompression.Uncompressed:
                if (src.Length != dest.Length) throw new ParquetDecodeException("uncompressed page size does not match its header");
                src.CopyTo(dest);
                break;
            case ParquetCompression.Snappy:
                SnappyDecoder.Decode(src, dest);
                break;
            case ParquetCompression.Gzip:
                Gunzip(src, dest);
                break;
            default:
                throw new ParquetDecodeException($"compression {codec.ToString().ToUpperInvariant()} is not supported; {Hint}");
        }
    }

    private static unsafe void Gunzip(ReadOnlySpan<byte> src, Span<byte> dest)
    {
        fixed (byte* p = src)
        {
            using var input = new UnmanagedMemoryStream(p, src.Length);
            using var gz = new GZipStream(input, CompressionMode.Decompress);
            try
            {
                gz.ReadExactly(dest);
            }
            catch (EndOfStreamException)
            {
                throw new ParquetDecodeException("gzip page is shorter than its declared size");
            }
            catch (InvalidDataException e)
            {
                throw new ParquetDecodeException($"gzip page is corrupt ({e.Message})");
            }
        }
    }
}
