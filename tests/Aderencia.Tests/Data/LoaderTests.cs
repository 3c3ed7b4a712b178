using Aderencia.Data;
using Aderencia.Domain;

namespace Aderencia.Tests.Data;

public class LoaderTests
{
    private static readonly string SampleJsonl = TestPaths.Shared("data", "leandl-sample", "leandl_sample_dados.jsonl");

    [Fact]
    public void Challenge_sample_loads_into_shared_theses_and_themes()
    {
        var ds = ChallengeDataset.Load(SampleJsonl);
        Assert.Equal(3600, ds.Pairs.Count);
        Assert.Equal(1200, ds.Productions.Count);
        Assert.Equal(208, ds.Themes.Count);
        Assert.Equal(3600, ds.LabeledCount);
        Assert.Equal(2623, ds.Pairs.Count(p => p.Level == AdherenceLevel.Baixa));
        Assert.Equal(455, ds.Pairs.Count(p => p.Level == AdherenceLevel.Media));
        var first = ds.Pairs[0];
        Assert.Same(first.Production, ds.Pairs.First(p => p.Production.Id == first.Production.Id && p != first).Production);
        Assert.Equal("ACRE", first.Production.Uf);
        Assert.Equal("INVENTÁRIO FLORESTAL", first.Production.Keywords[0]);
        Assert.Equal("", first.Production.Subarea); // "NÃO SE APLICA"
        Assert.Equal(new DateOnly(2023, 3, 21), first.Production.DefenseDate);
        Assert.Equal(9, first.Theme.Keywords.Count);
    }

    [Fact]
    public void Missing_required_column_lists_what_is_missing_and_what_exists()
    {
        using var dir = new TempDir();
        var path = dir.Write("p.csv", "hash_id,tema\nabc,x\n");
        var e = Assert.Throws<DataFormatException>(() => ChallengeDataset.Load(path));
        Assert.StartsWith("p.csv: missing columns 'tema_id', 'nome_producao' for a LeanDL challenge pairs file; the file has: hash_id, tema", e.Message);
    }

    [Fact]
    public void Bad_values_are_rejected_with_row_and_column_and_the_rest_is_kept()
    {
        using var dir = new TempDir();
        var path = dir.Write("p.csv",
            "hash_id,tema_id,tema,uf_tema_info,nome_producao,modelo_nivel,palavras_chave\n" +
            "a,1,T1,acre,TITULO A,media,\"[\"\"x\"\"]\"\n" +
            "b,x2,T2,ACRE,TITULO B,ALTA,\n" +
            "c,2,T2,ACRE,NÃO SE APLICA,ALTA,\n" +
            "d,2,T2,ACRE,TITULO D,GRANDE,\n" +
            "e,2,T2,ACRE,TITULO E,,y;z\n");
        var sink = new RejectSink();
        var ds = ChallengeDataset.Load(path, sink);
        Assert.Equal(["a", "e"], ds.Pairs.Select(p => p.Production.Id));
        Assert.Equal(AdherenceLevel.Media, ds.Pairs[0].Level);
        Assert.Null(ds.Pairs[1].Level);
        Assert.Equal("ACRE", ds.Pairs[0].Theme.Uf);
        Assert.Equal([0, 4], ds.SourceRows);
        Assert.Equal(
            ["p.csv, row 2, column 'tema_id': 'x2' is not an integer",
             "p.csv, row 3, column 'nome_producao': required value is empty or null",
             "p.csv, row 4, column 'modelo_nivel': 'GRANDE' is not a level (BAIXA, MEDIA/MÉDIA or ALTA)"],
            sink.Rows.Select(r => r.ToString()));
        Assert.Throws<DataFormatException>(() => ChallengeDataset.Load(path));
    }

    [Fact]
    public void Themes_table_loads_from_every_format_the_same()
    {
        var fromCsv = ThemeTable.Load(TestPaths.Shared("data", "leandl-sample", "themes.csv"));
        var fromJsonl = ThemeTable.Load(TestPaths.Shared("data", "leandl-sample", "themes.jsonl"));
        Assert.Equal(208, fromCsv.Count);
        Assert.Equal(fromCsv.Select(t => (t.Id, t.Name, t.Uf, string.Join('|', t.Keywords))),
            fromJsonl.Select(t => (t.Id, t.Name, t.Uf, string.Join('|', t.Keywords))));
        Assert.Equal(13, ThemeTable.ByUf(fromCsv)["SÃO PAULO"].Count());
    }

    [Fact]
    public void Capes_catalogue_maps_official_columns_and_uf_codes()
    {
        var theses = ThesisSource.Load(TestPaths.Shared("data", "capes-catalog", "capes_ia_humanas_2021_2024_com_resumo.csv"));
        Assert.True(theses.Count > 300);
        var t = theses[0];
        Assert.StartsWith("FEMINILIDADES MAQUÍNICAS", t.Title);
        Assert.Contains("ROBÔ", t.Keywords);
        Assert.True(t.Abstract.Length > 100 && t.AbstractEn.Length > 100);
        Assert.Equal(new DateOnly(2023, 8, 25), t.DefenseDate);
        Assert.All(theses, p => Assert.Contains(p.Uf, Ufs.All.Select(u => u.Name)));
    }

    [Theory]
    [InlineData("sp", "SÃO PAULO")]
    [InlineData("Sao Paulo", "SÃO PAULO")]
    [InlineData("  ceará ", "CEARÁ")]
    [InlineData("PARA", "PARÁ")]
    [InlineData("PARANA", "PARANÁ")]
    public void Uf_codes_and_names_normalize(string input, string expected) => Assert.Equal(expected, Ufs.Canonical(input));

    [Theory]
    [InlineData("baixa", AdherenceLevel.Baixa)]
    [InlineData(" MEDIA ", AdherenceLevel.Media)]
    [InlineData("Média", AdherenceLevel.Media)]
    [InlineData("ALTA", AdherenceLevel.Alta)]
    public void Levels_parse_in_any_case_with_or_without_accent(string text, AdherenceLevel level)
    {
        Assert.Equal(level, AdherenceLevels.Parse(text));
        Assert.False(AdherenceLevels.TryParse("MEDIANA", out _));
        Assert.Equal("MÉDIA", AdherenceLevel.Media.Label());
    }
}
