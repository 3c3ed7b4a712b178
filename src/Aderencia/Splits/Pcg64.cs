namespace Aderencia.Splits;

/// <summary>numpy's <c>PCG64</c> bit generator: a 128-bit LCG with the XSL-RR output function, seeded
/// through <see cref="NumpySeedSequence"/> exactly as <c>PCG64(seed)</c> is.</summary>
public sealed class Pcg64
{
    private static readonly UInt128 Multiplier = new(0x2360ED051FC65DA4UL, 0x4385DF649FCCF645UL);

    private UInt128 _state;
    private readonly UInt128 _increment;
    private bool _hasUint32;
    private uint _uint32;

    public Pcg64(ulong seed) : this(new NumpySeedSequence(seed)) { }

    public Pcg64(NumpySeedSequence seedSequence)
    {
        Span<ulong> words = stackalloc ulong[4];
        seedSequence.GenerateState(words);
        var initState = new UInt128(words[0], words[1]);
        var initSequence = new UInt128(words[2], words[3]);
        _increment = (initSequence << 1) | UInt128.One;
        _state = UInt128.Zero;
        Step();
        _state += initState;
        Step();
    }

    /// <summary>The LCG state (numpy's <c>bit_generator.state["state"]["state"]</c>).</summary>
    public UInt128 State => _state;

    /// <summary>The odd LCG increment (numpy's <c>bit_generator.state["state"]["inc"]</c>).</summary>
    public UInt128 Increment => _increment;

    /// <summary>numpy's <c>random_raw()</c> / <c>next_uint64</c>: step, then output the new state.</summary>
    public ulong NextUInt64()
    {
        Step();
        ulong hi = (ulong)(_state >> 64);
        ulong lo = (ulong)_state;
        return ulong.RotateRight(hi ^ lo, (int)(hi >> 58));
    }

    /// <summary>numpy's <c>next_uint32</c>: the low half of a fresh 64-bit draw, then its high half on the next call.</summary>
    public uint NextUInt32()
    {
        if (_hasUint32)
        {
            _hasUint32 = false;
            return _uint32;
        }
        ulong next = NextUInt64();
        _hasUint32 = true;
        _uint32 = (uint)(next >> 32);
        return (uint)next;
    }

    /// <summary>numpy's <c>next_double</c>: 53 high bits scaled into [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    private void Step() => _state = _state * Multiplier + _increment;
}
