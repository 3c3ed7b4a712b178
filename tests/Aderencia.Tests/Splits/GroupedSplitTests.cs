using Aderencia.Domain;
using Aderencia.Splits;

namespace Aderencia.Tests.Splits;

public class GroupedSplitTests
{
    // 3,600 pairs over theses with 1..12 themes each, labels skewed like the real data
    private static (string[] Groups, AdherenceLevel[] Labels) Synthetic(int rows = 3600)
    {
        var groups = new string[rows];
        var labels = new AdherenceLevel[rows];
        var rng = new Pcg64(99);
        int row = 0, thesis = 0;
        while (row < rows)
        {
            int size = 1 + (int)(rng.NextUInt32() % 12);
            var lean = (AdherenceLevel)(rng.NextUInt32() % 3);
            for (int k = 0; k < size && row < rows; k++, row++)
            {
                groups[row] = $"h{thesis:x8}";
                labels[row] = rng.NextDouble() < 0.6 ? lean : (AdherenceLevel)(rng.NextUInt32() % 3);
            }
            thesis++;
        }
        // interleave rows so a thesis's pairs are not contiguous
        var order = new NumpyGenerator(3).Permutation(rows);
        return (order.Select(i => groups[i]).ToArray(), order.Select(i => labels[i]).ToArray());
    }

    [Fact]
    public void NoGroupSpansTwoPartsAndAllRowsAreCovered()
    {
        var (groups, _) = Synthetic();
        var split = GroupedSplit.Create(groups, seed: 42);
        split.EnsurePartitionOf(groups.Length);
        var partOfGroup = new Dictionary<string, int>();
        foreach (var (part, p) in new[] { (split.Train, 0), (split.Eval, 1), (split.Test, 2) })
            foreach (int row in part)
            {
                if (partOfGroup.TryGetValue(groups[row], out int seen)) Assert.Equal(seen, p);
                else partOfGroup[groups[row]] = p;
            }
    }

    [Fact]
    public void PartsListRowsInInputOrder()
    {
        var (groups, _) = Synthetic();
        var split = GroupedSplit.Create(groups, seed: 42);
        Assert.Equal(split.Train.Order(), split.Train);
        Assert.Equal(split.Eval.Order(), split.Eval);
        Assert.Equal(split.Test.Order(), split.Test);
    }

    [Fact]
    public void FractionsAreMetWithinTolerance()
    {
        var (groups, _) = Synthetic();
        var split = GroupedSplit.Create(groups, seed: 42);
        double n = groups.Length;
        Assert.InRange(split.Train.Length / n, 0.78, 0.82);
        Assert.InRange(split.Eval.Length / n, 0.09, 0.11);
        Assert.InRange(split.Test.Length / n, 0.09, 0.11);
    }

    [Fact]
    public void SameSeedSameSplitOtherSeedOtherSplit()
    {
        var (groups, _) = Synthetic();
        var a = GroupedSplit.Create(groups, seed: 42);
        var b = GroupedSplit.Create(groups, seed: 42);
        var c = GroupedSplit.Create(groups, seed: 43);
        Assert.Equal(a.Test, b.Test);
        Assert.Equal(a.Eval, b.Eval);
        Assert.NotEqual(a.Test, c.Test);
    }

    [Fact]
    public void StratifiedSplitKeepsLabelSharesInEveryPart()
    {
        var (groups, labels) = Synthetic();
        var split = GroupedSplit.Create(groups, seed: 42, stratifyBy: labels);
        split.EnsurePartitionOf(groups.Length);
        Assert.Equal("grouped-stratified-seed42", split.Name);
        foreach (var level in AdherenceLevels.All)
        {
            double overall = labels.Count(l => l == level) / (double)labels.Length;
            foreach (var part in new[] { split.Train, split.Eval, split.Test })
            {
                double share = part.Count(r => labels[r] == level) / (double)part.Length;
                Assert.InRange(share, overall - 0.05, overall + 0.05);
            }
        }
    }

    [Fact]
    public void CustomFractionsAndZeroEval()
    {
        var (groups, _) = Synthetic();
        var split = GroupedSplit.Create(groups, seed: 1, trainFraction: 0.7, evalFraction: 0, testFraction: 0.3);
        Assert.Empty(split.Eval);
        Assert.InRange(split.Test.Length / (double)groups.Length, 0.28, 0.32);
    }

    [Fact]
    public void BadInputsNameTheProblem()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupedSplit.Create(["a", "b"], 1, -0.1, 0.5, 0.5));
        var e = Assert.Throws<ArgumentException>(() => GroupedSplit.Create(["a", null!], 1));
        Assert.Contains("Row 1", e.Message);
    }
}
