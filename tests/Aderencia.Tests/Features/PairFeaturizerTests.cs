using Aderencia.Domain;
using Aderencia.Features;

namespace Aderencia.Tests.Features;

public class PairFeaturizerTests
{
    private static readonly Theme Castanha = new()
    {
        Id = 3, Name = "Bioeconomia e castanha", Uf = "ACRE",
        Keywords = ["castanha-do-brasil", "manejo florestal comunitário", "açaí"],
    };

    private static readonly Theme Petroleo = new() { Id = 9, Name = "Petróleo e gás", Uf = "ACRE", Keywords = ["petróleo", "gás natural"] };

    private static Production Thesis(string id, string title, string resumo, params string[] keywords) => new()
    {
        Id = id, Title = title, Uf = "ACRE", Abstract = resumo, Keywords = keywords,
    };

    [Fact]
    public void Keyword_phrases_match_across_spelling_hyphens_case_and_plural_compounds()
    {
        var analyzer = new TermAnalyzer();
        var thesis = ThesisProfile.Analyze(Thesis("a", "CADEIA DA CASTANHA DO BRASIL NO ACRE",
            "O MANEJO FLORESTAL COMUNITÁRIO DE CASTANHAS-DO-BRASIL E O AÇAÍ.", "MANEJO FLORESTAL COMUNITÁRIO"), analyzer);
        var theme = ThemeProfile.Analyze(Castanha, analyzer);
        var kw = KeywordEvidence.Compute(thesis, theme);
        Assert.Equal(1, kw.Count(0, ThesisField.Title));
        Assert.Equal(1, kw.Count(0, ThesisField.Abstract));
        Assert.Equal(1, kw.Count(1, ThesisField.Abstract));
        Assert.Equal(1, kw.Count(1, ThesisField.Keywords));
        Assert.Equal(0, kw.FirstAt(1, ThesisField.Abstract));
        Assert.Equal(1, kw.Count(2, ThesisField.Abstract));
        Assert.Equal(3, Enumerable.Range(0, 3).Count(kw.Found));
        Assert.Equal(1f, kw.Partial(1));
    }

    [Fact]
    public void Dense_features_on_hand_made_pairs_have_the_expected_values()
    {
        var on = Thesis("on", "Manejo florestal comunitário da castanha-do-brasil", "Estudo do manejo florestal comunitário.", "castanha-do-brasil");
        var off = Thesis("off", "Refino de petróleo", "Gás natural e petróleo no Brasil.", "petróleo");
        var f = new PairFeaturizer(new FeaturizerOptions { HashBits = 12, Bins = 0 });
        var pairs = new List<Pair> { new(on, Castanha), new(on, Petroleo), new(off, Castanha), new(off, Petroleo) };
        var x = f.FitTransform(pairs);
        Assert.Equal(4, x.RowCount);
        Assert.Equal(DenseFeatures.Count + (1 << 12), x.ColumnCount);
        var raw = Raw(f, pairs);
        Assert.Equal(2f / 3, raw[0][DenseFeatures.KwExactFrac], 5);
        Assert.Equal(0f, raw[2][DenseFeatures.KwExactFrac]);
        Assert.Equal(1f, raw[3][DenseFeatures.KwExactFrac]);
        Assert.Equal(1f, raw[0][DenseFeatures.IsBest]);
        Assert.Equal(0f, raw[1][DenseFeatures.IsBest]);
        Assert.Equal(0f, raw[0][DenseFeatures.GapToBest]);
        Assert.True(raw[1][DenseFeatures.GapToBest] < 0);
        Assert.Equal(1f, raw[0][DenseFeatures.UfMatch]);
        Assert.True(raw[0][DenseFeatures.CosAll] > raw[2][DenseFeatures.CosAll]);
    }

    [Fact]
    public void Rows_are_sorted_distinct_and_the_same_for_fit_and_transform()
    {
        var t = Thesis("a", "Castanha e açaí", "Castanha castanha açaí.", "açaí");
        var pairs = new List<Pair> { new(t, Castanha), new(t, Petroleo) };
        var f = new PairFeaturizer(new FeaturizerOptions { HashBits = 14 });
        var fitted = f.FitTransform(pairs);
        var again = f.Transform(pairs);
        for (int r = 0; r < 2; r++)
        {
            var idx = fitted.RowIndices(r).ToArray();
            Assert.Equal(idx.Order(), idx);
            Assert.Equal(idx.Distinct().Count(), idx.Length);
            Assert.Equal(idx, again.RowIndices(r).ToArray());
            Assert.Equal(fitted.RowValues(r).ToArray(), again.RowValues(r).ToArray());
        }
    }

    private static float[][] Raw(PairFeaturizer f, IReadOnlyList<Pair> pairs) => pairs.Select(p =>
    {
        var (_, _, kw, thesis, theme) = f.Explain(p, pairs.Select(q => q.Theme));
        var raw = new float[DenseFeatures.Count];
        var peers = pairs.Select(q => q.Theme).DistinctBy(q => q.Id).Select(q => thesis.AllVector.Cosine(f.Explain(new Pair(p.Production, q)).Theme.AllVector)).ToArray();
        DenseFeatures.Compute(thesis, theme, kw, new UfScores(peers), f.AverageDocumentLength, f.Idf!, raw);
        return raw;
    }).ToArray();
}
