namespace Aderencia.Splits;

/// <summary>The slice of numpy's <c>Generator</c> (<c>np.random.default_rng(seed)</c>) that splits need,
/// drawing the same numbers in the same order as numpy.</summary>
public sealed class NumpyGenerator
{
    public NumpyGenerator(ulong seed) : this(new Pcg64(seed)) { }

    public NumpyGenerator(Pcg64 bitGenerator) => BitGenerator = bitGenerator;

    public Pcg64 BitGenerator { get; }

    /// <summary><c>permutation(n)</c>: <c>arange(n)</c> shuffled by <see cref="Shuffle{T}"/>.</summary>
    public int[] Permutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var result = new int[n];
        for (int i = 0; i < result.Length; i++) result[i] = i;
        Shuffle(result.AsSpan());
        return result;
    }

    /// <summary><c>shuffle(x)</c> for a 1-D array: Fisher-Yates from the last element down to index 1,
    /// the partner of element i drawn by <see cref="RandomInterval"/>(i).</summary>
    /// <remarks>numpy's shuffle uses masked rejection (<c>random_interval</c>), not the Lemire method of
    /// <c>integers</c>/<c>choice</c>; the two consume the stream differently.</remarks>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i >= 1; i--)
        {
            int j = (int)RandomInterval((ulong)i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>numpy's <c>random_interval(max)</c>: uniform in [0, max] by masked rejection, using 32-bit
    /// draws (numpy's buffered <c>next_uint32</c>) whenever max fits in 32 bits.</summary>
    public ulong RandomInterval(ulong max)
    {
        if (max == 0) return 0;
        ulong mask = ulong.MaxValue >> (int)ulong.LeadingZeroCount(max);
        ulong value;
        if (max <= uint.MaxValue)
        {
            uint max32 = (uint)max, mask32 = (uint)mask;
            uint v;
            while ((v = BitGenerator.NextUInt32() & mask32) > max32) { }
            value = v;
        }
        else
        {
            while ((value = BitGenerator.NextUInt64() & mask) > max) { }
        }
        return value;
    }
}
