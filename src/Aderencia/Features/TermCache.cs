using System.Numerics;
using System.Runtime.InteropServices;

namespace Aderencia.Features;

/// <summary>
/// Open-addressing map from a token's exact characters to its term hash, with the keys packed in one char arena:
/// a lookup is one multiply-rotate hash over the chars and one span compare, no strings, no allocations. Keys
/// are case-sensitive on purpose, so the common case skips normalization. Bounded: cleared when full. Not
/// thread-safe. The hash is seeded per process so crafted input cannot force long probe chains across runs.
/// </summary>
internal sealed class TermCache
{
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;
    private readonly int _maxEntries;
    private Slot[] _slots;
    private char[] _arena = new char[1 << 16];
    private int _arenaUsed;
    private int _count;

    private struct Slot
    {
        public uint Hash;   // 0 = empty
        public int Offset;
        public int Length;
        public uint Term;
    }

    public TermCache(int maxEntries)
    {
        _maxEntries = maxEntries;
        _slots = new Slot[1024];
    }

    public int Count => _count;

    public bool TryGet(ReadOnlySpan<char> key, out uint term)
    {
        uint h = HashOf(key);
        int mask = _slots.Length - 1;
        for (int i = (int)h & mask; ; i = (i + 1) & mask)
        {
            ref Slot s = ref _slots[i];
            if (s.Hash == 0) break;
            if (s.Hash == h && s.Length == key.Length && _arena.AsSpan(s.Offset, s.Length).SequenceEqual(key))
            {
                term = s.Term;
                return true;
            }
        }
        term = 0;
        return false;
    }

    public void Add(ReadOnlySpan<char> key, uint term)
    {
        if (_count >= _maxEntries) Clear();
        if ((_count + 1) * 2 > _slots.Length) Grow();
        if (_arenaUsed + key.Length > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaUsed + key.Length));
        key.CopyTo(_arena.AsSpan(_arenaUsed));
        Insert(new Slot { Hash = HashOf(key), Offset = _arenaUsed, Length = key.Length, Term = term });
        _arenaUsed += key.Length;
        _count++;
    }

    private void Insert(Slot slot)
    {
        int mask = _slots.Length - 1;
        int i = (int)slot.Hash & mask;
        while (_slots[i].Hash != 0) i = (i + 1) & mask;
        _slots[i] = slot;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        foreach (var s in old) if (s.Hash != 0) Insert(s);
    }

    private void Clear()
    {
        Array.Clear(_slots);
        _arenaUsed = 0;
        _count = 0;
    }

    private static uint HashOf(ReadOnlySpan<char> key)
    {
        ulong h = Seed ^ (ulong)key.Length;
        var bytes = MemoryMarshal.AsBytes(key);
        while (bytes.Length >= 8)
        {
            h = BitOperations.RotateLeft((h ^ MemoryMarshal.Read<ulong>(bytes)) * 0x9E3779B97F4A7C15UL, 29);
            bytes = bytes[8..];
        }
        ulong tail = 0;
        for (int i = 0; i < bytes.Length; i++) tail |= (ulong)bytes[i] << (8 * i);
        h = (h ^ tail) * 0xFF51AFD7ED558CCDUL;
        h ^= h >> 32;
        uint r = (uint)h;
        return r == 0 ? 1u : r;
    }
}
