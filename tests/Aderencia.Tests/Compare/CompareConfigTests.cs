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

    private const string YamlConfig = """
        # two models, the same as the JSON test above
        models:
          - name: small            # quoted or bare strings
            type: "logistic"
            c: 0.25
            tune: false
            encoding: 'int8'
            class_weights: none
            maxIterations: 50
            params:
              k: 3
              flag: true
              s: x
            features:
              hash_bits: 16
              ThemeAbstractTerms: False
              bins: 0

          - type: ordinal
        """;

    [Fact]
    public void Yaml_gives_the_same_models_as_json()
    {
        var models = CompareConfigFile.Parse(YamlConfig, "c.yaml");
        Assert.Equal(2, models.Count);
        var m = models[0];
        Assert.Equal("small", m.Name);
        Assert.Equal("logistic", m.Options.Type);
        Assert.Equal(0.25, m.Options.C);
        Assert.False(m.Options.TuneThresholds);
        Assert.Equal(SectionEncoding.Int8, m.Encoding);
        Assert.Equal(ClassWeighting.None, m.Options.ClassWeights);
        Assert.Equal(50, m.Options.MaxIterations);
        Assert.Equal("3", m.Options.Parameters["k"]);
        Assert.Equal("true", m.Options.Parameters["flag"]);
        Assert.Equal("x", m.Options.Parameters["s"]);
        Assert.Equal(16, m.Options.Features.HashBits);
        Assert.False(m.Options.Features.ThemeAbstractTerms);
        Assert.Equal(0, m.Options.Features.Bins);
        Assert.Equal("ordinal", models[1].Name);
        var json = CompareConfigFile.Parse("""
            {"models": [{"name": "small", "type": "logistic", "c": 0.25, "tune": false, "encoding": "int8", "class_weights": "none",
              "maxIterations": 50, "params": {"k": 3, "flag": true, "s": "x"}, "features": {"hash_bits": 16, "ThemeAbstractTerms": false, "bins": 0}},
             {"type": "ordinal"}]}
            """, "c.json");
        Assert.Equal(json.Select(c => c.Name + c.TrainingKey + c.Encoding), models.Select(c => c.Name + c.TrainingKey + c.Encoding));
    }

    [Theory]
    [InlineData("models:\n- type: logistic\n  c: 2\n", 2.0)]                                  // the list at its key's indentation
    [InlineData("---\nmodels:\n    -\n        type: logistic\n        c: .5e1\n", 5.0)]       // '-' alone, 4 spaces
    [InlineData("\"models\":   # comment\n  - c: 3   # c\n    type: 'logistic'\n", 3.0)]
    public void Yaml_layouts(string yaml, double c) =>
        Assert.Equal(c, CompareConfigFile.Parse(yaml, "l.yml").Single().Options.C);

    [Fact]
    public void Yaml_quoted_strings_keep_hashes_colons_and_escapes()
    {
        var models = CompareConfigFile.Parse("""
            models:
              - name: 'it''s #1: a'
              - name: "tab\there \"q\" \u00e9 # not a comment"
              - name: http://x.org/a#b # a comment
            """, "q.yaml");
        Assert.Equal(["it's #1: a", "tab\there \"q\" é # not a comment", "http://x.org/a#b"], models.Select(m => m.Name));
    }

    [Fact]
    public void The_documented_json_and_yaml_examples_give_the_same_models()
    {
        var doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "compare.md"));
        string Block(string lang)
        {
            int start = doc.IndexOf($"```{lang}\n{{\"models\"", StringComparison.Ordinal) is var j and >= 0 ? j : doc.IndexOf($"```{lang}\n# models", StringComparison.Ordinal);
            Assert.True(start >= 0, $"docs/compare.md has no {lang} config example");
            start = doc.IndexOf('\n', start) + 1;
            return doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        }
        var json = CompareConfigFile.Parse(Block("json"), "docs.json");
        var yaml = CompareConfigFile.Parse(Block("yaml"), "docs.yaml");
        Assert.Equal(["logistic", "ordinal, small"], yaml.Select(m => m.Name));
        Assert.Equal(json.Select(c => c.Name + c.TrainingKey + c.Encoding), yaml.Select(c => c.Name + c.TrainingKey + c.Encoding));
    }

    [Fact]
    public void Format_is_chosen_by_extension_then_by_content()
    {
        Assert.Equal("ordinal", CompareConfigFile.Parse("models:\n  - type: ordinal\n", "no-extension").Single().Name);
        Assert.Equal("ordinal", CompareConfigFile.Parse("  // c\n{\"models\": [{\"type\": \"ordinal\"}]}", "cfg.txt").Single().Name);
        var e = Assert.Throws<FormatException>(() => CompareConfigFile.Parse("models:\n  - type: ordinal\n", "cfg.json"));
        Assert.Contains("not valid JSON", e.Message);
    }

    [Theory]
    [InlineData("""{"models":[{"type":"logistic","colour":1}]}""", 1, "models[0] has unknown key 'colour'")]
    [InlineData("{\"models\":[\n{\"type\":\"logistic\",\n\"features\":{\"hash_bitz\":16}}]}", 3, "models[0].features has unknown key 'hash_bitz'")]
    [InlineData("""{"modles":[]}""", 1, "unknown key 'modles'")]
    [InlineData("""{"models":[]}""", 1, "needs a non-empty list 'models'")]
    [InlineData("""{"models":[{"type":"forest-of-dreams"}]}""", 1, "models[0].type names an unknown learner 'forest-of-dreams'")]
    [InlineData("""{"models":[{"type":"logistic","c":-1}]}""", 1, "models[0].c must be a positive number")]
    [InlineData("""{"models":[{"type":"logistic","c":"big"}]}""", 1, "models[0].c must be a number")]
    [InlineData("""{"models":[{"type":"logistic","encoding":"int4"}]}""", 1, "must be f32, f16 or int8")]
    [InlineData("""{"models":[{"type":"logistic","features":{"hash_bits":40}}]}""", 1, "models[0].features: hash bits must be 10..26")]
    [InlineData("{\"models\":[{\"name\":\"a\"},\n {\"name\":\"a\"}]}", 2, "names the model 'a' twice (models[0] and models[1])")]
    [InlineData("{\"models\":[{\"type\":\"a\", \"type\":\"b\"}]}", 1, "models[0].type is given twice")]
    [InlineData("{\"models\":[\n{\"type\":\"logistic\",}", 2, "not valid JSON")]
    public void Json_errors_name_the_file_the_line_and_the_key(string json, int line, string expected)
    {
        var e = Assert.Throws<FormatException>(() => CompareConfigFile.Parse(json, "my-config.json"));
        Assert.StartsWith($"compare config my-config.json, line {line}: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("models:\n  - type: logistic\n    colour: 1\n", 3, "models[0] has unknown key 'colour'")]
    [InlineData("models:\n  - type: logistic\n    features:\n      hash_bitz: 16\n", 4, "models[0].features has unknown key 'hash_bitz'")]
    [InlineData("models:\n  - type: logistic\n    c: big\n", 3, "models[0].c must be a number")]
    [InlineData("models:\n  - type: logistic\n    c: \"2\"\n", 3, "models[0].c must be a number")]
    [InlineData("models:\n  - type: logistic\n    tune: yes\n", 3, "models[0].tune must be true or false")]
    [InlineData("models:\n  - type: logistic\n    type: ordinal\n", 3, "models[0].type is given twice")]
    [InlineData("models:\n  - name: a\n  - name: a\n", 3, "names the model 'a' twice")]
    [InlineData("models:\n  - type: logistic\n     c: 1\n", 3, "'c: 1' does not line up with the keys of models[0]")]
    [InlineData("models:\n    - type: logistic\n  - type: ordinal\n", 3, "'- type: ordinal' does not line up with the keys of the top level")]
    [InlineData("  models:\n    - type: logistic\nx: 1\n", 3, "'x: 1' does not line up with the lines above it")]
    [InlineData("models:\n  - type: logistic\n\tc: 1\n", 3, "indented with a tab")]
    [InlineData("models: [logistic, ordinal]\n", 1, "models: flow collections")]
    [InlineData("models:\n  - type: &t logistic\n", 2, "models[0].type: '&'")]
    [InlineData("models:\n  - name: \"open\n", 2, "models[0].name: the double-quoted string has no closing quote")]
    [InlineData("models:\n  - name: \"a\\qb\"\n", 2, "unknown escape '\\q'")]
    [InlineData("models:\n  type: logistic\n", 1, "needs a non-empty list 'models'")]
    [InlineData("models:\n  - logistic\n", 2, "models[0] must be a mapping")]
    [InlineData("models:\n  - type: logistic\n  just words\n", 3, "'just words' does not line up")]
    [InlineData("models:\n  - type: logistic\n- name: x\n", 3, "is a list item where the top level has 'key: value' lines")]
    [InlineData("models:\n  - name: a: b\n", 2, "models[0].name: 'a: b' reads as a nested 'key: value'")]
    [InlineData("# nothing\n\n", 1, "is empty")]
    [InlineData("models:\n  - type: logistic\n---\nmodels: []\n", 3, "second YAML document")]
    public void Yaml_errors_name_the_file_the_line_and_the_key(string yaml, int line, string expected)
    {
        var e = Assert.Throws<FormatException>(() => CompareConfigFile.Parse(yaml, "my-config.yaml"));
        Assert.StartsWith($"compare config my-config.yaml, line {line}: ", e.Message);
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
