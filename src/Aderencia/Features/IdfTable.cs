using System.Runtime.InteropServices;

namespace Aderencia.Features;

/// <summary>Smoothed inverse document frequency per term hash: ln((1 + N) / (1 + df)) + 1, as scikit-learn's TfidfVectorizer.</summary>
public sealed class IdfTable
{
    private readonly Dictionary<uint, float> _idf;
    private readonly uint[] _keys;
    private readonly float[] _values;
    private readonly int _mask;

    private IdfTable(Dictionary<uint, float> idf, int documents)
    {
        _idf = idf;
        Documents = documents;
        Unseen = (float)(Math.Log((1.0 + documents) / 1.0) + 1);
        // Open addressing over the term hashes (already well mixed; 0 is never a term): one probe on average.
        int size = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)idf.Count * 2));
        _keys = new uint[size];
        _values = new float[size];
        _mask = size - 1;
        foreach (var (term, weight) in idf)
        {
            int i = (int)(term & (uint)_mask);
            while (_keys[i] != 0) i = (i + 1) & _mask;
            _keys[i] = term;
            _values[i] = weight;
        }
    }

    public int Documents { get; }

    /// <summary>The weight of a term never seen in training: the rarest possible.</summary>
    public float Unseen { get; }

    public int Count => _idf.Count;

    public float this[uint term]
    {
        get
        {
            if (term == 0) return _idf.TryGetValue(0, out var zero) ? zero : Unseen;
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
        var idf = new Dictionary<uint, float>(df.Count);
        foreach (var (t, c) in df) idf[t] = (float)(Math.Log((1.0 + n) / (1.0 + c)) + 1);
        return new IdfTable(idf, n);
    }

    public byte[] ToBytes()
    {
        var keys = _idf.Keys.Order().ToArray();
        var values = keys.Select(k => _idf[k]).ToArray();
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
        var idf = new Dictionary<uint, float>(n);
        for (int i = 0; i < n; i++) idf[keys[i]] = values[i];
        return new IdfTable(idf, BitConverter.ToInt32(bytes, 0));
    }
}
