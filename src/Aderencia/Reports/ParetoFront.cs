namespace Aderencia.Reports;

/// <summary>The non-dominated points when one quantity is minimised (cost, e.g. energy) and another maximised (benefit, e.g. macro-F1).</summary>
public static class ParetoFront
{
    /// <summary>
    /// True for point i when no other point costs no more and gives no less, being strictly better in one of the two.
    /// Points with a non-finite coordinate are never on the front. O(n²), meant for tens of points.
    /// </summary>
    public static bool[] Mark(IReadOnlyList<double> cost, IReadOnlyList<double> benefit)
    {
        if (cost.Count != benefit.Count) throw new ArgumentException($"{cost.Count} costs but {benefit.Count} benefits; give one of each per point");
        var front = new bool[cost.Count];
        for (int i = 0; i < front.Length; i++)
        {
            if (!double.IsFinite(cost[i]) || !double.IsFinite(benefit[i])) continue;
            bool dominated = false;
            for (int j = 0; j < front.Length && !dominated; j++)
            {
                if (j == i || !double.IsFinite(cost[j]) || !double.IsFinite(benefit[j])) continue;
                dominated = cost[j] <= cost[i] && benefit[j] >= benefit[i] && (cost[j] < cost[i] || benefit[j] > benefit[i]);
            }
            front[i] = !dominated;
        }
        return front;
    }
}
