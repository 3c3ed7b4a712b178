using System.Globalization;
using System.Text;
using Aderencia.Data;
using Aderencia.Domain;
using Aderencia.Pipeline;
using Aderencia.Splits;
using Aderencia.Tests.Cli;

namespace Aderencia.Tests.Pipeline;

public sealed class TeacherLabelsCliTests
{
    /// <summary>A teacher derived from the sample: the gold level, except every 7th pair shifted one level, 50 pairs left out, 2 foreign pairs.</summary>
    private static string WriteTeacher(TempDir dir, ChallengeDataset data)
    {
        var csv = new StringBuilder("hash_id,tema_id,label\n");
        for (int i = 50; i < data.Pairs.Count; i++)
        {
            var p = data.Pairs[i];
            int level = (int)p.Level!.Value;
            if (i % 7 == 0) level = level == 2 ? 1 : level + 1;
            csv.Append(CultureInfo.InvariantCulture, $"{p.Production.Id},{p.Theme.Id},{((AdherenceLevel)level).Label().ToLowerInvariant()}\n");
        }
        csv.Append("nao-existe,1,ALTA\nnao-existe,2,BAIXA\n");
        return dir.Write("teacher.csv", csv.ToString());
    }

    [Fact]
    public void TrainOnTeacherLabelsReportsJoinAgreementAndProvenance()
    {
        using var dir = new TempDir();
        var pairs = TestPaths.Sample(SampleData.PairsFile);
        var data = ChallengeDataset.Load(pairs);
        var teacher = WriteTeacher(dir, data);
        var model = dir.File("m.adrm");

        var r = CliRunner.Run("train", "--data", pairs, "--teacher-labels", teacher, "--model", model);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Contains($"{data.Pairs.Count - 50:N0} pairs labelled, 50 pairs without a teacher label (left out), 2 teacher labels match no pair", r.Stdout);
        Assert.Contains("agreement with the teacher:", r.Stdout);
        Assert.Contains("model vs gold (modelo_nivel):", r.Stdout);

        // The teacher-vs-gold line is known exactly: the share of held-out pairs the teacher did not shift.
        var join = TeacherLabels.Load(teacher).Apply(data);
        var test = DataParts.From(join.Data, SplitProtocol.Grouped, SplitProtocols.DefaultSeed).Test;
        var index = data.Pairs.Select((p, i) => (Key: (p.Production.Id, p.Theme.Id), i)).ToDictionary(t => t.Key, t => t.i);
        double expected = test.Count(p => index[(p.Production.Id, p.Theme.Id)] % 7 != 0) / (double)test.Count;
        var card = AdherenceModel.Load(model).Card;
        Assert.Equal("teacher:" + Fingerprint.OfFile(teacher), card["labels"]!.GetValue<string>());
        Assert.Equal(expected, card["teacher_agreement"]!["teacher_vs_gold"]!["accuracy"]!.GetValue<double>(), 12);
        Assert.Equal(test.Count, card["teacher_agreement"]!["vs_teacher"]!["pairs"]!.GetValue<int>());
        Assert.Equal(data.Pairs.Count - 50, card["train_pairs"]!.GetValue<int>() + card["valid_pairs"]!.GetValue<int>() + test.Count);
    }
}
