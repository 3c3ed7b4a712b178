using Aderencia.Data;
using Aderencia.Domain;
using Aderencia.Pipeline;

namespace Aderencia.Tests.Pipeline;

public sealed class TeacherLabelsTests
{
    private const string Pairs = """
        hash_id,tema_id,tema,nome_producao,modelo_nivel
        h1,1,Saúde digital,Telemedicina no interior,ALTA
        h1,2,Agricultura,Telemedicina no interior,BAIXA
        h2,1,Saúde digital,Prontuário eletrônico,MEDIA
        h3,2,Agricultura,Irrigação de precisão,
        """;

    private const string Teacher = """
        hash_id,tema_id,Nivel_Previsto
        h1,1,alta
        h1,2,média
        h2,1,BAIXA
        h9,1,ALTA
        h2,1,baixa
        ,1,ALTA
        h1,1,BAIXA
        h1,2,TALVEZ
        """;

    [Fact]
    public void JoinCountsLabelledMissingUnmatchedAndRejectedRows()
    {
        using var dir = new TempDir();
        var data = ChallengeDataset.Load(dir.Write("pairs.csv", Pairs));
        var rejects = new RejectSink();
        var path = dir.Write("teacher.csv", Teacher);
        var teacher = TeacherLabels.Load(path, rejects);

        Assert.Equal("Nivel_Previsto", teacher.LevelColumn);
        Assert.Equal(8, teacher.Rows);
        Assert.Equal([6L, 7L, 8L], rejects.Rows.Select(r => r.Row).Order());
        Assert.Contains(rejects.Rows, r => r.Reason.Contains("already labelled ALTA"));
        Assert.Equal("teacher:" + Fingerprint.OfFile(path), teacher.Provenance);

        var join = teacher.Apply(data);
        Assert.Equal((3, 1, 1), (join.Labelled, join.Missing, join.Unmatched));
        Assert.Equal([AdherenceLevel.Alta, AdherenceLevel.Media, AdherenceLevel.Baixa, null], join.Data.Pairs.Select(p => p.Level));
        Assert.Equal(3, join.Gold.Count);
        Assert.Equal(AdherenceLevel.Media, join.Gold[("h2", 1)]);
        Assert.Equal("Prontuário eletrônico", join.Data.Pairs[2].Production.Title);
    }

    [Fact]
    public void TableWithoutALevelColumnIsNamed()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<DataFormatException>(() => TeacherLabels.Load(dir.Write("t.csv", "hash_id,tema_id,score\nh1,1,0.5\n")));
        Assert.Contains("nivel_previsto or modelo_nivel or nivel or label", e.Message);
    }

    [Fact]
    public void AgreementHasKnownAccuracyMacroF1AndKappa()
    {
        AdherenceLevel[] reference = [AdherenceLevel.Baixa, AdherenceLevel.Baixa, AdherenceLevel.Media, AdherenceLevel.Alta];
        AdherenceLevel[] other = [AdherenceLevel.Baixa, AdherenceLevel.Media, AdherenceLevel.Media, AdherenceLevel.Alta];
        var a = Agreement.Of(reference, other);
        Assert.Equal(0.75, a.Accuracy, 12);
        Assert.Equal((2.0 / 3 + 2.0 / 3 + 1) / 3, a.MacroF1, 12);
        Assert.Equal((0.75 - 5.0 / 16) / (1 - 5.0 / 16), a.Kappa, 12);
    }

    [Fact]
    public void AgreementComparesWithGoldOnlyWhereGoldExists()
    {
        var prod = new Production { Id = "h1", Title = "t", Uf = "SP" };
        var theme = new Theme { Id = 1, Name = "x", Uf = "SP" };
        var theme2 = new Theme { Id = 2, Name = "y", Uf = "SP" };
        var heldOut = new List<LabeledPair> { new(prod, theme, AdherenceLevel.Alta), new(prod, theme2, AdherenceLevel.Baixa) };
        var gold = new Dictionary<(string, int), AdherenceLevel> { [("h1", 1)] = AdherenceLevel.Media };
        var r = TeacherAgreement.Compute(heldOut, [AdherenceLevel.Alta, AdherenceLevel.Media], gold);
        Assert.Equal((2, 0.5), (r.VsTeacher.Pairs, r.VsTeacher.Accuracy));
        Assert.Equal((1, 0.0), (r.VsGold!.Pairs, r.VsGold.Accuracy));
        Assert.Equal((1, 0.0), (r.TeacherVsGold!.Pairs, r.TeacherVsGold.Accuracy));
    }
}
