namespace Aderencia.Splits;

/// <summary>numpy's <c>SeedSequence</c> (O'Neill's seed_seq successor) for an integer seed, no spawn key,
/// pool of four 32-bit words: the entropy every <c>default_rng(seed)</c> starts from.</summary>
public sealed class NumpySeedSequence
{
    public const int PoolSize = 4;

    private const uint InitA = 0x43b0d7e5;
    private const uint MultA = 0x931e8875;
    private const uint InitB = 0x8b51f9dd;
    private const uint MultB = 0x58f38ded;
    private const uint MixMultL = 0xca01f9dd;
    private const uint MixMultR = 0x4973f715;
    private const int XShift = 16;

    private readonly uint[] _pool = new uint[PoolSize];

    /// <summary>Seeds from a non-negative integer, as <c>SeedSequence(seed)</c> does.</summary>
    public NumpySeedSequence(ulong seed) : this(ToWords(seed, stackalloc uint[2])) { }

    /// <summary>Seeds from entropy already split into 32-bit words, least significant word first
    /// (numpy's view of a big integer or of a uint32 array).</summary>
    public NumpySeedSequence(ReadOnlySpan<uint> entropy)
    {
        if (entropy.IsEmpty) throw new ArgumentException("SeedSequence entropy needs at least one word; numpy encodes the seed 0 as [0].", nameof(entropy));
        MixEntropy(_pool, entropy);
    }

    /// <summary>The mixed pool (numpy's <c>SeedSequence.pool</c>).</summary>
    public ReadOnlySpan<uint> Pool => _pool;

    /// <summary><c>generate_state(n, np.uint32)</c>.</summary>
    public void GenerateState(Span<uint> destination)
    {
        uint hashConst = InitB;
        for (int i = 0; i < destination.Length; i++)
        {
            uint value = _pool[i % PoolSize] ^ hashConst;
            hashConst *= MultB;
            value *= hashConst;
            destination[i] = value ^ (value >> XShift);
        }
    }

    /// <summary><c>generate_state(n, np.uint64)</c>: twice as many 32-bit words, paired little-endian.</summary>
    public void GenerateState(Span<ulong> destination)
    {
        Span<uint> words = destination.Length <= 64 ? stackalloc uint[destination.Length * 2] : new uint[destination.Length * 2];
        GenerateState(words);
        for (int i = 0; i < destination.Length; i++)
            destination[i] = words[2 * i] | ((ulong)words[2 * i + 1] << 32);
    }

    private static ReadOnlySpan<uint> ToWords(ulong seed, Span<uint> buffer)
    {
        buffer[0] = (uint)seed;
        buffer[1] = (uint)(seed >> 32);
        return buffer[..(buffer[1] == 0 ? 1 : 2)];
    }

    private static uint HashMix(uint value, ref uint hashConst)
    {
        value ^= hashConst;
        hashConst *= MultA;
        value *= hashConst;
        return value ^ (value >> XShift);
    }

    private static uint Mix(uint x, uint y)
    {
        uint result = MixMultL * x - MixMultR * y;
        return result ^ (result >> XShift);
    }

    private static void MixEntropy(Span<uint> mixer, ReadOnlySpan<uint> entropy)
    {
        uint hashConst = InitA;
        for (int i = 0; i < mixer.Length; i++)
            mixer[i] = HashMix(i < entropy.Length ? entropy[i] : 0u, ref hashConst);

        for (int src = 0; src < mixer.Length; src++)
            for (int dst = 0; dst < mixer.Length; dst++)
                if (src != dst)
                    mixer[dst] = Mix(mixer[dst], HashMix(mixer[src], ref hashConst));

        for (int src = mixer.Length; src < entropy.Length; src++)
            for (int dst = 0; dst < mixer.Length; dst++)
                mixer[dst] = Mix(mixer[dst], HashMix(entropy[src], ref hashConst));
    }
}
