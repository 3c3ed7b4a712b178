namespace Aderencia.Models.Trees;

/// <summary>
/// Trees stored as flat node arrays. A node is a leaf when <see cref="Feature"/> is −1; otherwise rows with
/// x[Feature] ≤ Threshold go to Left. Children always follow their parent, so a walk always ends.
/// <see cref="Value"/> is kept for inner nodes too (what the node would predict as a leaf) for path attribution.
/// </summary>
internal sealed class Forest
{
    public List<int> Feature { get; } = [];
    public List<float> Threshold { get; } = [];
    public List<int> Left { get; } = [];
    public List<int> Right { get; } = [];
    public List<float> Value { get; } = [];

    /// <summary>Root node of tree t; tree t adds to the logit of class t mod 3.</summary>
    public List<int> Roots { get; } = [];

    public int Nodes => Feature.Count;

    public int AddNode(float value)
    {
        Feature.Add(-1);
        Threshold.Add(0);
        Left.Add(-1);
        Right.Add(-1);
        Value.Add(value);
        return Feature.Count - 1;
    }

    /// <summary>Drops every tree from <paramref name="trees"/> on (and the nodes they own, which come last).</summary>
    public void Truncate(int trees)
    {
        if (trees >= Roots.Count) return;
        int nodes = Roots[trees];
        Roots.RemoveRange(trees, Roots.Count - trees);
        foreach (var list in new System.Collections.IList[] { Feature, Threshold, Left, Right, Value })
            while (list.Count > nodes) list.RemoveAt(list.Count - 1);
    }

    public Frozen Freeze() => new([.. Feature], [.. Threshold], [.. Left], [.. Right], [.. Value], [.. Roots]);

    /// <summary>The immutable arrays prediction walks.</summary>
    internal sealed record Frozen(int[] Feature, float[] Threshold, int[] Left, int[] Right, float[] Value, int[] Roots)
    {
        public int Leaf(int tree, ReadOnlySpan<float> x)
        {
            int node = Roots[tree];
            while (Feature[node] >= 0) node = x[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
            return node;
        }

        public long InnerNodes
        {
            get
            {
                long n = 0;
                foreach (int f in Feature) if (f >= 0) n++;
                return n;
            }
        }
    }
}
