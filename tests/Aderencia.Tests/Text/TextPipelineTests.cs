using Aderencia.Text;

namespace Aderencia.Tests.Text;

public class TextPipelineTests
{
    private struct CollectSink(List<uint> hashes) : IFeatureSink
    {
        public readonly void Add(uint hash) => hashes.Add(hash);
    }

    private static List<uint> Hashes(TextPipeline pipeline, string text, uint ns)
    {
        var list = new List<uint>();
        var sink = new CollectSink(list);
        pipeline.Process(text, ns, ref sink);
        return list;
    }

    [Fact]
    public void TermsAreStemmedFoldedAndStopwordFree()
    {
        var pipeline = new TextPipeline();
        Assert.Equal(["manej", "florestal", "castanha-do-brasil", "castanh", "brasil", "inov", "2.146", "cas", "covid-19", "covid", "19", "redd+"],
            pipeline.Terms("MANEJO FLORESTAL da castanha-do-brasil e INOVAÇÃO: 2.146 casos de COVID-19; REDD+"));
    }

    [Fact]
    public void WithoutStemmingTermsAreFoldedWords()
    {
        var pipeline = new TextPipeline(new TextPipelineOptions { Stem = false, Stopwords = StopwordLists.None, Compounds = CompoundMode.Whole });
        Assert.Equal(["manejo", "de", "floresta", "industria", "4.0", "5g", "h2", "verde"],
            pipeline.Terms("Manejo de Floresta, Indústria 4.0, 5G, H2 verde"));
    }

    [Fact]
    public void EmitsUnigramsAndBigramsOverKeptTokensAndPartsAsUnigramsOnly()
    {
        var pipeline = new TextPipeline();
        uint ns = FeatureHasher.Namespace("resumo");
        uint m = FeatureHasher.Hash("manej"), f = FeatureHasher.Hash("florestal"), c = FeatureHasher.Hash("x-y");
        uint pa = FeatureHasher.Hash("x"), pb = FeatureHasher.Hash("y");
        uint[] expected =
        [
            FeatureHasher.Combine(ns, m),
            FeatureHasher.Combine(ns, f), FeatureHasher.Combine(ns, m, f),
            FeatureHasher.Combine(ns, c), FeatureHasher.Combine(ns, f, c),
            FeatureHasher.Combine(ns, pa), FeatureHasher.Combine(ns, pb),
        ];
        Assert.Equal(expected, Hashes(pipeline, "MANEJO DO FLORESTAL x-y", ns));
    }

    [Fact]
    public void TrigramsAndCharNGrams()
    {
        var pipeline = new TextPipeline(new TextPipelineOptions
        { Stem = false, Stopwords = StopwordLists.None, MinWordNGram = 2, MaxWordNGram = 3, MinCharNGram = 3, MaxCharNGram = 3 });
        uint ns = 5, cns = 5 ^ FeatureHasher.CharGramSalt;
        uint a = FeatureHasher.Hash("ab"), b = FeatureHasher.Hash("cd"), c = FeatureHasher.Hash("ef");
        uint[] expected =
        [
            FeatureHasher.Combine(cns, FeatureHasher.Hash("<ab")), FeatureHasher.Combine(cns, FeatureHasher.Hash("ab>")),
            FeatureHasher.Combine(ns, a, b),
            FeatureHasher.Combine(cns, FeatureHasher.Hash("<cd")), FeatureHasher.Combine(cns, FeatureHasher.Hash("cd>")),
            FeatureHasher.Combine(ns, b, c), FeatureHasher.Combine(ns, [a, b, c]),
            FeatureHasher.Combine(cns, FeatureHasher.Hash("<ef")), FeatureHasher.Combine(cns, FeatureHasher.Hash("ef>")),
        ];
        Assert.Equal(expected, Hashes(pipeline, "AB CD EF", ns));
    }

    [Fact]
    public void FeatureIdsAreMaskedToHashBits()
    {
        var pipeline = new TextPipeline(new TextPipelineOptions { HashBits = 10 });
        var ids = new List<int>();
        pipeline.AddFeatureIds("manejo florestal sustentável", 0, ids);
        Assert.Equal(5, ids.Count);
        Assert.All(ids, id => Assert.InRange(id, 0, 1023));
        Span<int> span = stackalloc int[3];
        Assert.Equal(5, pipeline.WriteFeatureIds("manejo florestal sustentável", 0, span));
        Assert.Equal(ids.Take(3), span.ToArray());
    }

    [Fact]
    public void ExplainMapsTermsBackToOriginalWords()
    {
        const string text = "O MANEJO FLORESTAL";
        var spans = new TextPipeline().Explain(text);
        Assert.Equal(3, spans.Count);
        Assert.True(spans[0].IsStopword);
        Assert.Equal("", spans[0].Term);
        Assert.Equal(new TokenSpan(9, 9, "FLORESTAL", "florestal", TokenFlags.Letter, false), spans[2]);
        Assert.Equal("MANEJO", text.Substring(spans[1].Start, spans[1].Length));
    }

    [Fact]
    public void InvalidOptionsThrowNamingTheSetting()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TextPipeline(new TextPipelineOptions { HashBits = 40 }));
        Assert.Equal("HashBits", ex.ParamName);
    }

    [Fact]
    public void TokenizingStemmingAndHashingAnAbstractAllocatesNothing()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "text", "abstract.txt"));
        Assert.True(text.Length > 2000);
        var pipeline = new TextPipeline(new TextPipelineOptions { MinCharNGram = 3, MaxCharNGram = 5 });
        int[] ids = new int[20_000];
        uint ns = FeatureHasher.Namespace("resumo");
        int count = 0;
        for (int i = 0; i < 5; i++) count = pipeline.WriteFeatureIds(text, ns, ids);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++) count = pipeline.WriteFeatureIds(text, ns, ids);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(count, 500, ids.Length);
        Assert.Equal(0, allocated);
    }
}
