using System.Globalization;
using System.Text.RegularExpressions;
using Aderencia.Data;
using Aderencia.Domain;
using Aderencia.Models;
using Aderencia.Pipeline;
using Aderencia.Text;

namespace Aderencia.Tests.Pipeline;

public class AdherenceModelTests(TrainedSample sample) : IClassFixture<TrainedSample>
{
    [Fact]
    public void Grouped_test_part_scores_well_above_chance()
    {
        var result = ModelEvaluation.Evaluate(sample.Model, sample.Parts.Test);
        Assert.True(result.MacroF1 > 0.6, $"macro-F1 {result.MacroF1:F3}");
        Assert.True(result.Accuracy > 0.7, $"accuracy {result.Accuracy:F3}");
    }

    [Fact]
    public void Save_and_load_give_bit_identical_predictions()
    {
        using var dir = new TempDir();
        var path = dir.File("m.adm");
        sample.Model.Save(path);
        var loaded = AdherenceModel.Load(path);
        var pairs = sample.Parts.Test.Select(p => p.Pair).ToList();
        var a = sample.Model.Score(pairs);
        var b = loaded.Score(pairs);
        Assert.Equal(a.Levels, b.Levels);
        Assert.Equal(a.Probabilities, b.Probabilities);
        Assert.Equal(sample.Model.Justify(pairs[0], a.Levels[0]), loaded.Justify(pairs[0], b.Levels[0]));
    }

    [Fact]
    public void Damaged_model_file_fails_with_a_clear_message()
    {
        using var dir = new TempDir();
        var path = dir.File("m.adm");
        sample.Model.Save(path);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ModelFormatException>(() => AdherenceModel.Load(path));
        Assert.Contains("damaged", e.Message);
        var foreign = dir.Write("x.adm", "hello, I am not a model");
        Assert.Contains("not an Aderência model file", Assert.Throws<ModelFormatException>(() => AdherenceModel.Load(foreign)).Message);
    }

    [Fact]
    public void Every_justification_names_its_level_and_quotes_only_text_of_the_pair()
    {
        var pairs = sample.Parts.Test.Select(p => p.Pair).ToList();
        var predictions = sample.Model.Predict(pairs, peers: sample.Data.Themes);
        int strong = 0, strongWithEvidence = 0;
        for (int i = 0; i < pairs.Count; i++)
        {
            var why = predictions[i].Justification;
            Assert.StartsWith(predictions[i].Level.Label() + ":", why);
            var haystack = Fold(string.Join(" ", Texts(pairs[i])));
            var quoted = Regex.Matches(why, "'([^']+)'").Select(m => m.Groups[1].Value).ToList();
            foreach (var q in quoted)
                Assert.True(haystack.Contains(Fold(q), StringComparison.Ordinal), $"'{q}' is not in the pair: {why}");
            if (predictions[i].Level == AdherenceLevel.Baixa) continue;
            strong++;
            if (quoted.Any(q => !Fold(pairs[i].Theme.Name).Equals(Fold(q), StringComparison.Ordinal))) strongWithEvidence++;
        }
        Assert.True(strong > 0);
        Assert.True(strongWithEvidence >= 0.95 * strong, $"{strongWithEvidence} of {strong} MÉDIA/ALTA justifications quote evidence");
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var again = AdherenceModel.Train(sample.Parts.Train, sample.Parts.Eval, new TrainOptions());
        var pairs = sample.Parts.Test.Take(50).Select(p => p.Pair).ToList();
        Assert.Equal(sample.Model.Score(pairs).Probabilities, again.Score(pairs).Probabilities);
    }

    private static IEnumerable<string> Texts(Pair p) =>
    [
        p.Theme.Name, .. p.Theme.Keywords, p.Production.Title, p.Production.Abstract, p.Production.AbstractEn,
        .. p.Production.Keywords, .. p.Production.KeywordsEn, p.Production.Program, p.Production.ConcentrationArea,
        p.Production.ResearchLine, p.Production.Project, p.Production.KnowledgeArea, p.Production.Subarea, p.Production.Specialty,
    ];

    private static string Fold(string s) => TextNormalizer.Normalize(s, NormalizeOptions.Lowercase);
}
