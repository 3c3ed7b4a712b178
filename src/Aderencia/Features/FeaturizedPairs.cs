using Aderencia.Domain;

namespace Aderencia.Features;

/// <summary>
/// Pairs turned into feature rows, keeping what the rows were computed from (each distinct thesis analysed once,
/// the theme catalogue, raw dense features, keyword evidence) so explanations reuse it instead of re-analysing.
/// </summary>
public sealed class FeaturizedPairs
{
    private readonly int[] _thesisOfPair;
    private readonly int[] _pairStart;
    private readonly int[] _pairOrder;

    internal FeaturizedPairs(IReadOnlyList<Pair> pairs)
    {
        Pairs = pairs;
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<Production>();
        _thesisOfPair = new int[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            var p = pairs[i].Production;
            if (!slots.TryGetValue(p.Id, out int slot))
            {
                slots[p.Id] = slot = distinct.Count;
                distinct.Add(p);
            }
            _thesisOfPair[i] = slot;
        }
        DistinctProductions = [.. distinct];
        Theses = new ThesisProfile[distinct.Count];
        _pairStart = new int[distinct.Count + 1];
        foreach (int t in _thesisOfPair) _pairStart[t + 1]++;
        for (int t = 0; t < distinct.Count; t++) _pairStart[t + 1] += _pairStart[t];
        _pairOrder = new int[pairs.Count];
        var next = _pairStart[..^1];
        for (int i = 0; i < pairs.Count; i++) _pairOrder[next[_thesisOfPair[i]]++] = i;
    }

    public IReadOnlyList<Pair> Pairs { get; }
    public int Count => Pairs.Count;

    /// <summary>The feature rows, one per pair, in pair order.</summary>
    public SparseMatrix Matrix { get; internal set; } = null!;

    internal Production[] DistinctProductions { get; }
    internal ThesisProfile[] Theses { get; }
    internal Dictionary<int, ThemeProfile> Catalog { get; set; } = [];
    internal float[] Raw { get; set; } = [];
    internal KeywordEvidence[] Evidence { get; set; } = [];

    public ThesisProfile ThesisOf(int pair) => Theses[_thesisOfPair[pair]];

    public ThemeProfile ThemeOf(int pair) => Catalog[Pairs[pair].Theme.Id];

    /// <summary>The pairs of distinct thesis <paramref name="thesis"/>, in input order.</summary>
    internal ReadOnlySpan<int> PairsOf(int thesis) => _pairOrder.AsSpan(_pairStart[thesis], _pairStart[thesis + 1] - _pairStart[thesis]);

    internal ReadOnlySpan<float> RawDense(int pair) => Raw.AsSpan(pair * DenseFeatures.Count, DenseFeatures.Count);
}
