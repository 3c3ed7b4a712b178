#!/usr/bin/python3
"""Writes tests/fixtures/splits/*.json: numpy reference vectors for the C# SeedSequence, PCG64,
Generator.permutation and the LeanDL 2025 split. Needs numpy only (Debian python3-numpy).

Run from the repository root:  /usr/bin/python3 tools/splits/make_vectors.py
"""
import hashlib
import json
import math
import os
import sys

import numpy as np

OUT = os.path.join("tests", "fixtures", "splits")
SEEDS = [0, 1, 42, 123, 2025, 4294967295, 12345678901234]
SIZES = [0, 1, 2, 10, 1000, 8406, 42026, 70000]
EDGE = 50


def dump(name, obj):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {os.path.getsize(path)} bytes")


def sha256_int32le(values):
    return hashlib.sha256(np.asarray(values, dtype="<i4").tobytes()).hexdigest()


def hf_train_test_split(n, test_size, seed):
    """What datasets.Dataset.train_test_split(test_size=float, seed=seed) selects (train_size=None,
    shuffle=True, no stratification): positions into the dataset, in the order select() keeps."""
    if n == 0:
        return [], []
    if not 0 < test_size < 1:
        raise ValueError("test_size must be in (0, 1)")
    n_test = math.ceil(test_size * n)
    n_train = n - n_test
    if n_train == 0:
        raise ValueError("empty train part")
    permutation = np.random.default_rng(seed).permutation(n)
    return permutation[n_test:n_test + n_train], permutation[:n_test]


def leandl_split(n, seed=42):
    rest, held_out = hf_train_test_split(n, 0.2, seed)
    eval_pos, test_pos = hf_train_test_split(len(held_out), 0.5, seed)
    return rest, held_out[eval_pos], held_out[test_pos]


def seed_sequences():
    rows = []
    for seed in SEEDS:
        ss = np.random.SeedSequence(seed)
        rows.append({
            "seed": seed,
            "pool": [int(v) for v in ss.pool],
            "state32": [int(v) for v in ss.generate_state(8, np.uint32)],
            "state64": [str(int(v)) for v in ss.generate_state(4, np.uint64)],
        })
    # a seed wider than 64 bits, as numpy splits it into 32-bit words
    big = (1 << 100) + 12345
    ss = np.random.SeedSequence(big)
    words = []
    v = big
    while v:
        words.append(v & 0xFFFFFFFF)
        v >>= 32
    rows.append({"entropyWords": words, "pool": [int(x) for x in ss.pool],
                 "state32": [int(x) for x in ss.generate_state(8, np.uint32)],
                 "state64": [str(int(x)) for x in ss.generate_state(4, np.uint64)]})
    return rows


def pcg64():
    rows = []
    for seed in SEEDS:
        bg = np.random.PCG64(seed)
        st = bg.state["state"]
        row = {"seed": seed, "state": hex(st["state"]), "inc": hex(st["inc"]),
               "raw": [str(int(v)) for v in bg.random_raw(20)]}
        # numpy's buffered 32-bit path, interleaved with 64-bit draws (which leave the buffer alone)
        bg = np.random.PCG64(seed)
        nxt32, nxt64, ptr = bg.ctypes.next_uint32, bg.ctypes.next_uint64, bg.ctypes.state
        pattern = "3336333663333"
        row["mixedPattern"] = pattern
        row["mixed"] = [str(int(nxt32(ptr) if c == "3" else nxt64(ptr))) for c in pattern]
        rng = np.random.default_rng(seed)
        # IEEE-754 bit patterns, so the comparison is exact
        row["doubleBits"] = [str(int(np.float64(rng.random()).view(np.uint64))) for _ in range(5)]
        rows.append(row)
    return rows


def permutations():
    rows = []
    for seed in SEEDS:
        for n in SIZES:
            p = np.random.default_rng(seed).permutation(n)
            row = {"seed": seed, "n": n, "sha256": sha256_int32le(p),
                   "head": [int(v) for v in p[:EDGE]], "tail": [int(v) for v in p[-EDGE:]] if n else []}
            if n <= 10 or (seed == 42 and n <= 42026):
                row["full"] = [int(v) for v in p]
            rows.append(row)
    return rows


def splits():
    rows = []
    for n in (42026, 3600):
        train, ev, test = leandl_split(n)
        rows.append({"n": n, "seed": 42, "train": [int(v) for v in train],
                     "eval": [int(v) for v in ev], "test": [int(v) for v in test]})
    # other seeds and sizes: digests only
    for n, seed in ((42026, 7), (1000, 42), (11, 42), (10, 0)):
        train, ev, test = leandl_split(n, seed)
        rows.append({"n": n, "seed": seed, "trainSha256": sha256_int32le(train),
                     "evalSha256": sha256_int32le(ev), "testSha256": sha256_int32le(test),
                     "sizes": [len(train), len(ev), len(test)]})
    return rows


def main():
    os.makedirs(OUT, exist_ok=True)
    meta = {"numpy": np.__version__, "python": sys.version.split()[0]}
    dump("seedsequence.json", {"meta": meta, "cases": seed_sequences()})
    dump("pcg64.json", {"meta": meta, "cases": pcg64()})
    dump("permutations.json", {"meta": meta, "cases": permutations()})
    dump("leandl2025.json", {"meta": meta, "cases": splits()})


if __name__ == "__main__":
    main()
