using System.Runtime.InteropServices;

namespace Aderencia.Features;

/// <summary>Smoothed inverse document frequency per term hash: ln((1 + N) / (1 + df)) + 1, as scikit-learn's TfidfVectorizer.</summary>
public sealed class IdfTable
{
    // Open addressing over the term hashes (already well mixed): one probe on average. 0 marks an empty slot, so
    // the weight of term 0 (never produced by the analyzer, but a file may hold it) is kept aside.
    private readonly uint[] _keys;
    private readonly float[] _values;
    private readonly int _mask;
    private readonly float? _zero;

    private IdfTable(ReadOnlySpan<uint> terms, ReadOnlySpan<float> weights, int documents)
    {
        Documents = documents;
        Unseen = (float)(Math.Log((1.0 + documents) / 1.0) + 1);
        int size = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)terms.Length * 2));
        _keys = new uint[size];
        _values = new float[size];
        _mask = size - 1;
        for (int t = 0; t < terms.Length; t++)
        {
            uint term = terms[t];
            if (term == 0)
            {
                if (_zero is null) Count++;
                _zero = weights[t];
                continue;
            }
            int i = (int)(term & (uint)_mask);
            while (_keys[i] != 0 && _keys[i] != term) i = (i + 1) & _mask;
            if (_keys[i] == 0) Count++;
            _keys[i] = term;
            _values[i] = weights[t];
        }
    }

    public int Documents { get; }

    /// <summary>The weight of a term never seen in training: the rarest possible.</summary>
    public float Unseen { get; }

    public int Count { get; }

    public float this[uint term]
    {
        get
        {
            if (term == 0) return _zero ?? Unseen;
            for (int i = (int)(term & (uint)_mask); ; i = (i + 1) & _mask)
            {
                uint k = _keys[i];
                if (k == term) return _values[i];
                if (k == 0) return Unseen;
            }
        }
    }

    public static IdfTable Fit(IEnumerable<IEnumerable<uint>> documents)
    {
        var df = new Dictionary<uint, int>();
        int n = 0;
        var seen = new HashSet<uint>();
        foreach (var doc in documents)
        {
            n++;
            seen.Clear();
            foreach (var t in doc)
                if (seen.Add(t)) df[t] = df.GetValueOrDefault(t) + 1;
        }
        var terms = df.Keys.ToArray();
        var weights = terms.Select(t => (float)(Math.Log((1.0 + n) / (1.0 + df[t])) + 1)).ToArray();
        return new IdfTable(terms, weights, n);
    }

    public byte[] ToBytes()
    {
        var keys = new uint[Count];
        var values = new float[Count];
        int n = 0;
        if (_zero is { } zero) (keys[n], values[n++]) = (0u, zero);
        for (int i = 0; i < _keys.Length; i++)
            if (_keys[i] != 0) (keys[n], values[n++]) = (_keys[i], _values[i]);
        Array.Sort(keys, values);
        var bytes = new byte[4 + keys.Length * 8];
        BitConverter.TryWriteBytes(bytes, Documents);
        MemoryMarshal.AsBytes(keys.AsSpan()).CopyTo(bytes.AsSpan(4));
        MemoryMarshal.AsBytes(values.AsSpan()).CopyTo(bytes.AsSpan(4 + keys.Length * 4));
        return bytes;
    }

    public static IdfTable FromBytes(byte[] bytes)
    {
        if (bytes.Length < 4 || (bytes.Length - 4) % 8 != 0) throw new InvalidDataException("idf table has a wrong length");
        int n = (bytes.Length - 4) / 8;
        var keys = MemoryMarshal.Cast<byte, uint>(bytes.AsSpan(4, n * 4));
        var values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(4 + n * 4, n * 4));
        return new IdfTable(keys, values, BitConverter.ToInt32(bytes, 0));
    }
}
