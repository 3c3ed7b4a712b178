using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Aderencia.Text;

/// <summary>
/// Stable 32-bit hashing for feature ids: MurmurHash3 x86_32 over the UTF-16LE bytes of a token, and
/// MurmurHash3 x86_32 over the little-endian bytes of a sequence of 32-bit hashes to combine tokens into
/// n-grams and namespaces ("field:token", "theme17×token") without building strings.
/// Identical on every platform and run; never uses string.GetHashCode.
/// </summary>
public static class FeatureHasher
{
    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    /// <summary>Salt mixed into the namespace of character n-grams so they never share ids with words.</summary>
    public const uint CharGramSalt = 0x9E3779B9;

    /// <summary>MurmurHash3 x86_32 of the UTF-16LE encoding of <paramref name="text"/>.</summary>
    public static uint Hash(ReadOnlySpan<char> text, uint seed = 0)
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(text);
        uint h = seed;
        int blocks = bytes.Length >> 2;
        for (int i = 0; i < blocks; i++)
            h = MixBlock(h, BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(i << 2)));
        if ((bytes.Length & 2) != 0)
        {
            uint k = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(blocks << 2));
            h ^= MixK(k);
        }
        return Finalize(h, (uint)bytes.Length);
    }

    /// <summary>MurmurHash3 x86_32 of the little-endian bytes of <paramref name="hashes"/>, seeded with the namespace.</summary>
    public static uint Combine(uint ns, ReadOnlySpan<uint> hashes)
    {
        uint h = ns;
        foreach (uint k in hashes)
            h = MixBlock(h, k);
        return Finalize(h, (uint)hashes.Length * 4);
    }

    /// <summary>Combine(ns, [a]).</summary>
    public static uint Combine(uint ns, uint a) => Finalize(MixBlock(ns, a), 4);

    /// <summary>Combine(ns, [a, b]).</summary>
    public static uint Combine(uint ns, uint a, uint b) => Finalize(MixBlock(MixBlock(ns, a), b), 8);

    /// <summary>Namespace hash of a name such as a field ("resumo"): Hash(name, seed).</summary>
    public static uint Namespace(ReadOnlySpan<char> name, uint seed = 0) => Hash(name, seed);

    /// <summary>Child namespace, e.g. theme 17 inside the "theme" namespace: Combine(parent, [(uint)id]).</summary>
    public static uint Namespace(uint parent, int id) => Combine(parent, (uint)id);

    /// <summary>Bucket of a hash in a table of 2^<paramref name="bits"/> entries (low bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bucket(uint hash, int bits) => (int)(hash & (uint)((1UL << bits) - 1));

    /// <summary>+1 or -1 from the top bit of the hash (sign hashing); independent of the bucket when bits &lt; 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Sign(uint hash) => (int)(hash >> 31) * -2 + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint MixK(uint k) => BitOperations.RotateLeft(k * C1, 15) * C2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint MixBlock(uint h, uint k)
    {
        h ^= MixK(k);
        return BitOperations.RotateLeft(h, 13) * 5 + 0xe6546b64;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Finalize(uint h, uint length)
    {
        h ^= length;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
