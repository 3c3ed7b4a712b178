using Aderencia.Text;

namespace Aderencia.Features;

/// <summary>
/// Turns text into <see cref="AnalyzedText"/>: tokenize (compounds split into parts, so "castanha-do-brasil" and
/// "castanha do brasil" agree), lower-case, drop stopwords, stem (Snowball Portuguese), fold accents, hash.
/// Stems are cached per distinct word: catalogue text repeats its vocabulary, and the stemmer is the cost.
/// Not thread-safe; use one per thread.
/// </summary>
public sealed class TermAnalyzer
{
    private const int MaxCache = 500_000;
    private const int Buf = TextPipelineOptions.MaxTokenLength * 2;
    private readonly TermCache _byToken = new(MaxCache);
    private readonly Dictionary<string, uint> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<uint> _terms = new(512);
    private readonly List<int> _starts = new(512);
    private readonly List<int> _lengths = new(512);

    public TermAnalyzer() => _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Hash of a term after analysis; 0 means the word carries no content (stopword, too long).</summary>
    public uint TermOf(ReadOnlySpan<char> word)
    {
        if (word.Length > TextPipelineOptions.MaxTokenLength) return 0;
        if (_byToken.TryGet(word, out uint known)) return known;
        uint term = TermOfLowercase(word);
        _byToken.Add(word, term);
        return term;
    }

    private uint TermOfLowercase(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[Buf];
        int nl = TextNormalizer.Normalize(word, lower, NormalizeOptions.Lowercase);
        if (_lookup.TryGetValue(lower[..nl], out uint cached)) return cached;
        uint term = Compute(lower[..nl]);
        if (_cache.Count >= MaxCache) _cache.Clear();
        _lookup[lower[..nl]] = term;
        return term;
    }

    private static uint Compute(ReadOnlySpan<char> lower)
    {
        Span<char> folded = stackalloc char[Buf];
        Span<char> stem = stackalloc char[Buf];
        int nf = TextNormalizer.Normalize(lower, folded, NormalizeOptions.FoldAccents);
        if (Stopwords.Default.Contains(folded[..nf])) return 0;
        bool hasDigit = lower.IndexOfAnyInRange('0', '9') >= 0;
        if (!hasDigit && nf > 1)
        {
            int ns = PortugueseStemmer.Stem(lower, stem);
            nf = TextNormalizer.Normalize(stem[..ns], folded, NormalizeOptions.FoldAccents);
        }
        if (nf <= 1 && !hasDigit) return 0;
        uint h = FeatureHasher.Hash(folded[..nf]);
        return h == 0 ? 1u : h;
    }

    public AnalyzedText Analyze(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return AnalyzedText.Empty;
        _terms.Clear();
        _starts.Clear();
        _lengths.Clear();
        foreach (Token token in Tokenizer.Tokenize(text, CompoundMode.Parts))
        {
            uint term = TermOf(token.Of(text));
            if (term == 0) continue;
            _terms.Add(term);
            _starts.Add(token.Start);
            _lengths.Add(token.Length);
        }
        return new AnalyzedText(text, [.. _terms], [.. _starts], [.. _lengths]);
    }

    /// <summary>
    /// The content terms of several texts read as one, without word positions: for fields that are compared but never
    /// quoted. Gives the same terms as analysing the texts joined by punctuation, without building the joined string.
    /// </summary>
    public AnalyzedText AnalyzeTermsOnly(params ReadOnlySpan<string> parts)
    {
        _terms.Clear();
        foreach (var text in parts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            foreach (Token token in Tokenizer.Tokenize(text, CompoundMode.Parts))
            {
                uint term = TermOf(token.Of(text));
                if (term != 0) _terms.Add(term);
            }
        }
        return _terms.Count == 0 ? AnalyzedText.Empty : AnalyzedText.WithoutPositions([.. _terms]);
    }
}
