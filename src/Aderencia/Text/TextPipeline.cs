using System.Runtime.CompilerServices;

namespace Aderencia.Text;

/// <summary>
/// Text → hashed features: tokenize (original offsets), lower-case keeping accents, drop stopwords (checked on the
/// folded form), stem (Portuguese Snowball, on the accented form), fold accents, hash the term
/// (<see cref="FeatureHasher.Hash"/> with the seed), then emit word n-grams over the kept tokens and optional
/// character n-grams. Parts of compounds (<see cref="CompoundMode.WholeAndParts"/>) add unigrams but do not enter
/// word n-grams. Immutable and thread-safe; no per-token allocation.
/// </summary>
[SkipLocalsInit]
public sealed class TextPipeline
{
    private const int Buf = TextPipelineOptions.MaxTokenLength * 2;
    private readonly Stopwords? _stopwords;

    public TextPipeline(TextPipelineOptions? options = null)
    {
        Options = options ?? new TextPipelineOptions();
        Options.Validate();
        _stopwords = Options.Stopwords == StopwordLists.None ? null
            : Options.Stopwords == StopwordLists.PortugueseAndEnglish ? Stopwords.Default
            : new Stopwords(Options.Stopwords);
    }

    public TextPipelineOptions Options { get; }

    /// <summary>Emits the feature hashes of <paramref name="text"/> in namespace <paramref name="ns"/> (e.g. a field's <see cref="FeatureHasher.Namespace(ReadOnlySpan{char}, uint)"/>).</summary>
    public void Process<TSink>(ReadOnlySpan<char> text, uint ns, ref TSink sink) where TSink : IFeatureSink, allows ref struct
    {
        TextPipelineOptions o = Options;
        Span<char> lower = stackalloc char[Buf];
        Span<char> folded = stackalloc char[Buf];
        Span<char> stem = stackalloc char[Buf];
        Span<char> scratch = stackalloc char[Buf + 2];
        Span<uint> window = stackalloc uint[o.MaxWordNGram];
        int count = 0;
        bool partsAreExtra = o.Compounds == CompoundMode.WholeAndParts;
        uint charNs = ns ^ FeatureHasher.CharGramSalt;

        foreach (Token token in Tokenizer.Tokenize(text, o.Compounds))
        {
            if (!TryTerm(text, token, lower, folded, stem, out ReadOnlySpan<char> term, out _)) continue;
            uint h = FeatureHasher.Hash(term, o.Seed);
            if (partsAreExtra && (token.Flags & TokenFlags.Part) != 0)
            {
                if (o.MinWordNGram == 1) sink.Add(FeatureHasher.Combine(ns, h));
                continue;
            }

            if (count == window.Length)
            {
                window[1..].CopyTo(window);
                count--;
            }
            window[count++] = h;
            int maxN = Math.Min(count, o.MaxWordNGram);
            for (int n = o.MinWordNGram; n <= maxN; n++)
                sink.Add(FeatureHasher.Combine(ns, window.Slice(count - n, n)));

            if (o.MinCharNGram > 0)
                foreach (uint g in NGrams.Chars(term, scratch, o.MinCharNGram, o.MaxCharNGram, o.Seed))
                    sink.Add(FeatureHasher.Combine(charNs, g));
        }
    }

    /// <summary>Appends feature ids (hashes masked to <see cref="TextPipelineOptions.HashBits"/>) to <paramref name="ids"/>.</summary>
    public void AddFeatureIds(ReadOnlySpan<char> text, uint ns, List<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var sink = new ListSink(ids, Options.HashBits);
        Process(text, ns, ref sink);
    }

    /// <summary>Writes feature ids to <paramref name="ids"/>; returns how many were produced (more than fit are counted, not written).</summary>
    public int WriteFeatureIds(ReadOnlySpan<char> text, uint ns, Span<int> ids)
    {
        var sink = new SpanSink(ids, Options.HashBits);
        Process(text, ns, ref sink);
        return sink.Count;
    }

    /// <summary>Every token with its original offsets, surface form and hashed term (allocates; for explanations).</summary>
    public IReadOnlyList<TokenSpan> Explain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<char> lower = stackalloc char[Buf];
        Span<char> folded = stackalloc char[Buf];
        Span<char> stem = stackalloc char[Buf];
        var result = new List<TokenSpan>();
        foreach (Token token in Tokenizer.Tokenize(text, Options.Compounds))
        {
            bool kept = TryTerm(text, token, lower, folded, stem, out ReadOnlySpan<char> term, out bool isStopword);
            result.Add(new TokenSpan(token.Start, token.Length, text.Substring(token.Start, token.Length),
                kept ? new string(term) : "", token.Flags, isStopword));
        }
        return result;
    }

    /// <summary>The hashed terms of <paramref name="text"/> in order (allocates; for tests and debugging).</summary>
    public IReadOnlyList<string> Terms(string text) =>
        Explain(text).Where(t => t.Term.Length > 0).Select(t => t.Term).ToList();

    private bool TryTerm(ReadOnlySpan<char> text, Token token, Span<char> lower, Span<char> folded, Span<char> stem,
        out ReadOnlySpan<char> term, out bool isStopword)
    {
        TextPipelineOptions o = Options;
        term = default;
        isStopword = false;
        if (token.Length > TextPipelineOptions.MaxTokenLength || token.Length < o.MinTokenLength) return false;
        if (o.DropNumbers && token.IsNumber) return false;

        ReadOnlySpan<char> surface = token.Of(text);
        int nl = TextNormalizer.Normalize(surface, lower, NormalizeOptions.Lowercase);
        int nf = TextNormalizer.Normalize(lower[..nl], folded, NormalizeOptions.FoldAccents);
        if (_stopwords is not null && _stopwords.Contains(folded[..nf]))
        {
            isStopword = true;
            return false;
        }
        if (o.Stem && (token.Flags & (TokenFlags.Digit | TokenFlags.Compound)) == 0)
        {
            int ns = PortugueseStemmer.Stem(lower[..nl], stem);
            nf = TextNormalizer.Normalize(stem[..ns], folded, NormalizeOptions.FoldAccents);
        }
        term = folded[..nf];
        return true;
    }

    private struct ListSink(List<int> ids, int bits) : IFeatureSink
    {
        public readonly void Add(uint hash) => ids.Add(FeatureHasher.Bucket(hash, bits));
    }

    private ref struct SpanSink(Span<int> ids, int bits) : IFeatureSink
    {
        private readonly Span<int> _ids = ids;
        public int Count;

        public void Add(uint hash)
        {
            if (Count < _ids.Length) _ids[Count] = FeatureHasher.Bucket(hash, bits);
            Count++;
        }
    }
}
