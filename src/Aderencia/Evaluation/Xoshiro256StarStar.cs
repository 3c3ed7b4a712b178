namespace Aderencia.Evaluation;

/// <summary>xoshiro256** (Blackman and Vigna), seeded through SplitMix64: fast, small and identical on every platform.</summary>
internal struct Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256StarStar(ulong seed)
    {
        _s0 = SplitMix64(ref seed);
        _s1 = SplitMix64(ref seed);
        _s2 = SplitMix64(ref seed);
        _s3 = SplitMix64(ref seed);
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform integer in [0, <paramref name="bound"/>) without bias (Lemire's multiply-and-reject).</summary>
    public int NextInt(int bound)
    {
        uint n = (uint)bound;
        ulong m = (NextUInt64() >> 32) * n;
        uint low = (uint)m;
        if (low < n)
        {
            uint threshold = (0u - n) % n;
            while (low < threshold)
            {
                m = (NextUInt64() >> 32) * n;
                low = (uint)m;
            }
        }
        return (int)(m >> 32);
    }

    public static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
