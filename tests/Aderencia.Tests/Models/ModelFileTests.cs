using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Aderencia.Domain;
using Aderencia.Features;
using Aderencia.Models;

namespace Aderencia.Tests.Models;

public sealed class ModelFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aderencia-models-").FullName;
    private static readonly (SparseMatrix X, AdherenceLevel[] Y) Data = Synthetic.Hashed(rows: 2000, columns: 1 << 16, nnz: 40, seed: 21);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ILevelClassifier Trained(string type)
    {
        var m = ModelRegistry.Create(type);
        m.Fit(Data.X, Data.Y, new FitOptions { MaxIterations = 50 });
        return m;
    }

    [Theory]
    [InlineData(LogisticRegression.TypeName)]
    [InlineData(OrdinalLogistic.TypeName)]
    public void RoundTripGivesBitExactPredictionsAndMetadata(string type)
    {
        var m = Trained(type);
        m.DecisionOffsets = [0f, 0.35f, -0.1f];
        var path = Path.Combine(_dir, "m.adrm");
        var meta = new JsonObject { ["featurizer"] = new JsonObject { ["buckets"] = 1 << 16, ["ngrams"] = new JsonArray(1, 2) }, ["fingerprint"] = "abc" };
        ModelFile.Save(path, m, meta);

        var loaded = ModelFile.Load(path);
        Assert.Equal(type, loaded.Classifier.Type);
        Assert.Equal(m.ColumnCount, loaded.Classifier.ColumnCount);
        Assert.Equal(m.DecisionOffsets, loaded.Classifier.DecisionOffsets);
        Assert.Equal(65536, loaded.Metadata["featurizer"]!["buckets"]!.GetValue<int>());
        Assert.Equal("abc", loaded.Metadata["fingerprint"]!.GetValue<string>());
        Assert.NotNull(loaded.Header["learner"]!["options"]);
        var before = m.Predict(Data.X);
        var after = loaded.Classifier.Predict(Data.X);
        Assert.Equal(before.Probabilities, after.Probabilities);
        Assert.Equal(before.Levels, after.Levels);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void QuantizedCopiesStayClose()
    {
        var m = Trained(LogisticRegression.TypeName);
        var report = QuantizationReport.Compare(m, Data.X, Data.Y);
        Assert.Equal([SectionEncoding.Float32, SectionEncoding.Float16, SectionEncoding.Int8], report.Select(r => r.Encoding));
        Assert.Equal(1.0, report[0].Agreement);
        Assert.Equal(0.0, report[0].MaxProbabilityChange);
        Assert.True(report[1].MaxProbabilityChange < 2e-3, $"f16 moved a probability by {report[1].MaxProbabilityChange}");
        Assert.True(report[2].MaxProbabilityChange < 3e-2, $"int8 moved a probability by {report[2].MaxProbabilityChange}");
        Assert.True(report[1].Agreement > 0.99 && report[2].Agreement > 0.97);
        Assert.True(report[2].FileBytes < report[1].FileBytes && report[1].FileBytes < report[0].FileBytes);
    }

    [Fact]
    public void MostlyEmptyHashedWeightsAreStoredSparsely()
    {
        // 40 columns used out of 2^20: the file must not carry 2^20·3 floats
        var b = new SparseMatrixBuilder(1 << 20);
        var rng = new Random(1);
        var y = new AdherenceLevel[300];
        for (int r = 0; r < y.Length; r++)
        {
            y[r] = (AdherenceLevel)(r % 3);
            b.AddRow([r % 3 * 1000, 5000 + rng.Next(37)], [1f, 1f]);
        }
        var m = new LogisticRegression();
        m.Fit(b.Build(), y, new FitOptions());
        var bytes = ModelFile.ToBytes(m);
        Assert.True(bytes.Length < 4096, $"{bytes.Length} bytes");
        var back = (LogisticRegression)ModelFile.FromBytes(bytes, "mem").Classifier;
        Assert.Equal(m.Weights.ToArray(), back.Weights.ToArray());
    }

    [Fact]
    public void FlippedByteIsReportedAsDamage()
    {
        var path = Path.Combine(_dir, "m.adrm");
        ModelFile.Save(path, Trained(LogisticRegression.TypeName));
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Equal($"model file {path} is damaged (checksum mismatch); retrain or copy it again", e.Message);
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void ForeignFileIsNamedAsSuch()
    {
        var path = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(path, "hello, this is not a model");
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Equal($"{path} is not an Aderência model file", e.Message);
        File.WriteAllBytes(path, [1, 2]);
        Assert.Contains("is not an Aderência model file", Assert.Throws<ModelFormatException>(() => ModelFile.Load(path)).Message);
    }

    [Fact]
    public void TruncatedFileIsReported()
    {
        var bytes = ModelFile.ToBytes(Trained(OrdinalLogistic.TypeName));
        foreach (int keep in new[] { 12, bytes.Length / 3, bytes.Length - 1 })
        {
            var e = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(bytes[..keep], "m.adrm"));
            Assert.Contains("m.adrm is truncated", e.Message);
        }
    }

    [Fact]
    public void NewerFormatAsksForAnUpgrade()
    {
        var bytes = ModelFile.ToBytes(Trained(OrdinalLogistic.TypeName));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), ModelFile.FormatVersion + 1);
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(bytes, "m.adrm"));
        Assert.Equal($"model format v{ModelFile.FormatVersion + 1} in m.adrm is newer than this program supports (v{ModelFile.FormatVersion}); upgrade aderencia", e.Message);
    }

    [Fact]
    public void MissingFileSaysSo()
    {
        var path = Path.Combine(_dir, "nope.adrm");
        Assert.Equal($"model file {path} does not exist", Assert.Throws<ModelFormatException>(() => ModelFile.Load(path)).Message);
    }

    [Fact]
    public void Crc32CMatchesTheStandardCheckValue() =>
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));

    [Fact]
    public void Int8CodecKeepsBlockScaleAndZeros()
    {
        var values = Enumerable.Range(0, 600).Select(i => i % 7 == 0 ? 0f : MathF.Sin(i) * (i < 256 ? 1f : 100f)).ToArray();
        var bytes = new byte[SectionCodec.EncodedSize(SectionEncoding.Int8, values.Length)];
        SectionCodec.Encode(SectionEncoding.Int8, values, bytes);
        var back = new float[values.Length];
        SectionCodec.Decode(SectionEncoding.Int8, bytes, back);
        for (int i = 0; i < values.Length; i++)
        {
            float blockMax = i < 256 ? 1f : 100f;
            Assert.True(MathF.Abs(values[i] - back[i]) <= blockMax / 127f / 2f * 1.0001f, $"value {i}");
            if (values[i] == 0) Assert.Equal(0f, back[i]);
        }
    }
}
