using Aderencia.Splits;

namespace Aderencia.Tests.Splits;

public class HfTrainTestSplitTests
{
    [Theory]
    [InlineData(42026, 0.2, 33620, 8406)]
    [InlineData(8406, 0.5, 4203, 4203)]
    [InlineData(3, 0.5, 1, 2)]
    [InlineData(10, 0.25, 7, 3)]
    public void SizesUseCeilingForTest(int n, double testSize, int train, int test) =>
        Assert.Equal((train, test), HfTrainTestSplit.Sizes(n, testSize));

    [Fact]
    public void EmptyDatasetGivesEmptyParts()
    {
        var (train, test) = HfTrainTestSplit.Split(0, 0.2, 42);
        Assert.Empty(train);
        Assert.Empty(test);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void TestSizeOutsideOpenUnitIntervalIsRejected(double testSize) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HfTrainTestSplit.Split(10, testSize, 42));

    [Fact]
    public void EmptyTrainPartIsRejectedLikeDatasets() =>
        Assert.Throws<ArgumentException>(() => HfTrainTestSplit.Split(1, 0.2, 42));
}
