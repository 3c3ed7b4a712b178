namespace Aderencia.Text;

/// <summary>
/// Word and character n-gram hashing. A word n-gram's hash combines its tokens' hashes in order
/// (<see cref="FeatureHasher.Combine(uint, ReadOnlySpan{uint})"/>), so unigram "a", bigram "a b" and the namespace all
/// differ. Character n-grams follow fastText: the word is wrapped in '&lt;' and '&gt;' boundary markers and every
/// substring of length minN..maxN is hashed (except a lone marker).
/// </summary>
public static class NGrams
{
    /// <summary>Hash of the word n-gram made of <paramref name="tokenHashes"/> in namespace <paramref name="ns"/>.</summary>
    public static uint Word(uint ns, ReadOnlySpan<uint> tokenHashes) => FeatureHasher.Combine(ns, tokenHashes);

    /// <summary>Chars needed in the scratch buffer of <see cref="Chars"/> for a word of <paramref name="wordLength"/> chars.</summary>
    public static int CharScratchLength(int wordLength) => wordLength + 2;

    /// <summary>
    /// Enumerates the hashes (<see cref="FeatureHasher.Hash"/> with <paramref name="seed"/>) of the character n-grams
    /// of "&lt;word&gt;"; <paramref name="scratch"/> holds the bounded word (see <see cref="CharScratchLength"/>).
    /// </summary>
    public static CharNGramEnumerator Chars(ReadOnlySpan<char> word, Span<char> scratch, int minN, int maxN, uint seed = 0)
    {
        if (minN < 1 || maxN < minN)
            throw new ArgumentOutOfRangeException(nameof(minN), $"Character n-gram range {minN}..{maxN} is invalid; need 1 <= min <= max.");
        if (scratch.Length < CharScratchLength(word.Length))
            throw new ArgumentException($"Scratch of {scratch.Length} chars is too short; need {CharScratchLength(word.Length)}.", nameof(scratch));
        scratch[0] = '<';
        word.CopyTo(scratch[1..]);
        scratch[word.Length + 1] = '>';
        return new CharNGramEnumerator(scratch[..(word.Length + 2)], minN, maxN, seed);
    }

    /// <summary>Allocation-free enumerator of character n-gram hashes.</summary>
    public ref struct CharNGramEnumerator
    {
        private readonly ReadOnlySpan<char> _bounded;
        private readonly int _minN, _maxN;
        private readonly uint _seed;
        private int _start, _n;

        internal CharNGramEnumerator(ReadOnlySpan<char> bounded, int minN, int maxN, uint seed)
        {
            _bounded = bounded;
            _minN = minN;
            _maxN = maxN;
            _seed = seed;
            _n = minN - 1;
        }

        public uint Current { get; private set; }

        public readonly CharNGramEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_start < _bounded.Length)
            {
                _n++;
                if (_n > _maxN || _start + _n > _bounded.Length)
                {
                    _start++;
                    _n = _minN - 1;
                    continue;
                }
                if (_n == 1 && (_start == 0 || _start == _bounded.Length - 1)) continue;
                Current = FeatureHasher.Hash(_bounded.Slice(_start, _n), _seed);
                return true;
            }
            return false;
        }
    }
}
