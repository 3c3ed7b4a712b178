#!/usr/bin/python3
"""Independent MurmurHash3 x86_32 (from the published algorithm) to produce the expected hash values hard-coded
in tests/Aderencia.Tests/Text/FeatureHasherTests.cs. Run: /usr/bin/python3 tools/text/hash_vectors.py"""
import struct


def rotl(x, r):
    return ((x << r) | (x >> (32 - r))) & 0xFFFFFFFF


def murmur3_32(data: bytes, seed: int = 0) -> int:
    c1, c2 = 0xCC9E2D51, 0x1B873593
    h = seed & 0xFFFFFFFF
    n = len(data) // 4
    for i in range(n):
        k = struct.unpack_from("<I", data, i * 4)[0]
        k = rotl((k * c1) & 0xFFFFFFFF, 15) * c2 & 0xFFFFFFFF
        h ^= k
        h = (rotl(h, 13) * 5 + 0xE6546B64) & 0xFFFFFFFF
    tail = data[n * 4:]
    k = 0
    for i, b in enumerate(tail):
        k |= b << (8 * i)
    if tail:
        k = rotl((k * c1) & 0xFFFFFFFF, 15) * c2 & 0xFFFFFFFF
        h ^= k
    h ^= len(data)
    h ^= h >> 16
    h = h * 0x85EBCA6B & 0xFFFFFFFF
    h ^= h >> 13
    h = h * 0xC2B2AE35 & 0xFFFFFFFF
    h ^= h >> 16
    return h


def text_hash(s, seed=0):
    return murmur3_32(s.encode("utf-16-le"), seed)


def combine(ns, hashes):
    return murmur3_32(b"".join(struct.pack("<I", h) for h in hashes), ns)


if __name__ == "__main__":
    # Reference vector of MurmurHash3 x86_32 itself: "hello" with seed 0 is 0x248BFA47.
    assert murmur3_32(b"hello") == 0x248BFA47, hex(murmur3_32(b"hello"))
    for s, seed in [("", 0), ("a", 0), ("manejo", 0), ("florest", 0), ("castanha-do-brasil", 0), ("redd+", 0),
                    ("covid-19", 0), ("inovacao", 42), ("ação", 0)]:
        print(f'[InlineData("{s}", {seed}u, 0x{text_hash(s, seed):08X}u)]')
    ns = text_hash("resumo")
    m, f = text_hash("manejo"), text_hash("florest")
    print(f"ns(resumo)=0x{ns:08X} unigram(manejo)=0x{combine(ns, [m]):08X} "
          f"bigram(manejo florest)=0x{combine(ns, [m, f]):08X} theme17=0x{combine(text_hash('theme'), [17]):08X}")
    print(f'char n-gram "<ma" = 0x{text_hash("<ma"):08X}')
