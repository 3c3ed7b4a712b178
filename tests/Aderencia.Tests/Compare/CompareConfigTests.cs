using Aderencia.Models;
using Aderencia.Pipeline;

namespace Aderencia.Tests.Compare;

public class CompareConfigTests
{
    [Fact]
    public void Parses_every_key_with_snake_or_camel_case()
    {
        var models = CompareConfigFile.Parse("""
            // two models
            {"models": [
              {"name": "small", "type": "logistic", "c": 0.25, "tune": false, "encoding": "int8", "class_weights": "none",
               "maxIterations": 50, "params": {"k": 3, "flag": true, "s": "x"},
               "features": {"hash_bits": 16, "ThemeAbstractTerms": false, "bins": 0}},
              {"type": "ordinal"},
            ]}
            """, "c.json");
        Assert.Equal(2, models.Count);
        var m = models[0];
        Assert.Equal("small", m.Name);
        Assert.Equal(0.25, m.Options.C);
        Assert.False(m.Options.TuneThresholds);
        Assert.Equal(SectionEncoding.Int8, m.Encoding);
        Assert.Equal(ClassWeighting.None, m.Options.ClassWeights);
        Assert.Equal(50, m.Options.MaxIterations);
        Assert.Equal("3", m.Options.Parameters["k"]);
        Assert.Equal("true", m.Options.Parameters["flag"]);
        Assert.Equal(16, m.Options.Features.HashBits);
        Assert.False(m.Options.Features.ThemeAbstractTerms);
        Assert.Equal(0, m.Options.Features.Bins);
        Assert.True(m.Options.Features.ThemeTitleTerms);
        Assert.Equal("ordinal", models[1].Name);           // the type names an unnamed model
        Assert.Equal(new TrainOptions().C, models[1].Options.C);
    }

    [Theory]
    [InlineData("""{"models":[{"type":"logistic","colour":1}]}""", "models[0] has unknown key 'colour'")]
    [InlineData("""{"models":[{"type":"logistic","features":{"hash_bitz":16}}]}""", "models[0].features has unknown key 'hash_bitz'")]
    [InlineData("""{"modles":[]}""", "unknown key 'modles'")]
    [InlineData("""{"models":[]}""", "needs a non-empty array 'models'")]
    [InlineData("""{"models":[{"type":"forest-of-dreams"}]}""", "unknown learner 'forest-of-dreams'")]
    [InlineData("""{"models":[{"type":"logistic","c":-1}]}""", "models[0].c must be a positive number")]
    [InlineData("""{"models":[{"type":"logistic","c":"big"}]}""", "models[0].c must be a number")]
    [InlineData("""{"models":[{"type":"logistic","encoding":"int4"}]}""", "must be f32, f16 or int8")]
    [InlineData("""{"models":[{"type":"logistic","features":{"hash_bits":40}}]}""", "hash bits must be 10..26")]
    [InlineData("""{"models":[{"name":"a"},{"name":"a"}]}""", "names the model 'a' twice")]
    [InlineData("""{"models":[{"type":"logistic",}""", "not valid JSON")]
    public void Errors_name_the_file_and_the_key(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => CompareConfigFile.Parse(json, "my-config.json"));
        Assert.StartsWith("compare config my-config.json: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Missing_file_is_reported_by_name()
    {
        var e = Assert.Throws<FileNotFoundException>(() => CompareConfigFile.Load("/nonexistent/compare.json"));
        Assert.Contains("/nonexistent/compare.json", e.Message);
    }

    [Fact]
    public void Default_list_has_the_variants_and_every_registered_learner()
    {
        var models = CompareDefaults.Models();
        Assert.Equal("logistic", models[0].Name);
        Assert.Contains(models, m => m.Options.Features.HashBits == 16);
        Assert.Contains(models, m => !m.Options.Features.ThemeAbstractTerms);
        Assert.Contains(models, m => m.Encoding == SectionEncoding.Int8);
        Assert.All(ModelRegistry.Types, t => Assert.Contains(models, m => m.Options.Type == t));
        Assert.Equal(models.Count, models.Select(m => m.Name).Distinct().Count());
    }
}
