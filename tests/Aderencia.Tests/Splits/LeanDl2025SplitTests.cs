using Aderencia.Data;
using Aderencia.Splits;

namespace Aderencia.Tests.Splits;

public class LeanDl2025SplitTests
{
    private const string File = "leandl2025.json";

    public static TheoryData<int> Cases => SplitFixtures.CaseIndices(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void SplitMatchesPythonReference(int index)
    {
        var c = SplitFixtures.Case(File, index);
        var split = LeanDl2025Split.Create(c.GetProperty("n").GetInt32(), c.GetProperty("seed").GetUInt64());
        if (c.TryGetProperty("train", out var train))
        {
            Assert.Equal(SplitFixtures.Ints(train), split.Train);
            Assert.Equal(SplitFixtures.Ints(c.GetProperty("eval")), split.Eval);
            Assert.Equal(SplitFixtures.Ints(c.GetProperty("test")), split.Test);
        }
        else
        {
            Assert.Equal(SplitFixtures.Ints(c.GetProperty("sizes")), new[] { split.Train.Length, split.Eval.Length, split.Test.Length });
            Assert.Equal(c.GetProperty("trainSha256").GetString(), SplitFixtures.Sha256Int32Le(split.Train));
            Assert.Equal(c.GetProperty("evalSha256").GetString(), SplitFixtures.Sha256Int32Le(split.Eval));
            Assert.Equal(c.GetProperty("testSha256").GetString(), SplitFixtures.Sha256Int32Le(split.Test));
        }
    }

    [Theory]
    [InlineData(42026, 33620, 4203, 4203)]
    [InlineData(3600, 2880, 360, 360)]
    [InlineData(11, 8, 1, 2)]
    public void PartSizes(int n, int train, int eval, int test)
    {
        var split = LeanDl2025Split.Create(n);
        Assert.Equal("leandl2025", split.Name);
        Assert.Equal((train, eval, test), (split.Train.Length, split.Eval.Length, split.Test.Length));
        split.EnsurePartitionOf(n);
    }

    [Fact]
    public void TestPartIsTheHeadOfTheFirstPermutation()
    {
        // test ∪ eval is permutation(n)[:ceil(0.2 n)], train is the rest in permuted order
        var p = new NumpyGenerator(42).Permutation(42026);
        var split = LeanDl2025Split.Create(42026);
        Assert.Equal(p[8406..], split.Train);
        Assert.Equal(p[..8406].Order(), split.Eval.Concat(split.Test).Order());
    }

    [Fact]
    public void NullLabelsAreDroppedBeforeSplittingAndRowsMapBack()
    {
        const int rows = 60;
        var labels = new object?[rows];
        for (int r = 0; r < rows; r++) labels[r] = r % 7 == 3 ? null : "ALTA";
        var column = new Column(new ColumnSchema("modelo_nivel", DataKind.String), labels);
        var kept = LeanDl2025Split.LabeledRows(column);
        Assert.Equal(rows - 9, kept.Length);
        Assert.DoesNotContain(3, kept);
        Assert.Equal(4, kept[3]);

        var isNull = labels.Select(l => l is null).ToArray();
        var split = LeanDl2025Split.CreateForRows(isNull);
        var onLabeled = LeanDl2025Split.Create(kept.Length);
        Assert.Equal(onLabeled.Test.Select(p => kept[p]), split.Test);
        Assert.Equal(onLabeled.Train.Select(p => kept[p]), split.Train);
        var all = split.Train.Concat(split.Eval).Concat(split.Test).Order().ToArray();
        Assert.Equal(kept, all);
    }

    [Fact]
    public void OtherSeedGivesDifferentSplitAndName()
    {
        var a = LeanDl2025Split.Create(1000);
        var b = LeanDl2025Split.Create(1000, seed: 7);
        Assert.NotEqual(a.Test, b.Test);
        Assert.Equal("leandl2025-seed7", b.Name);
    }
}
