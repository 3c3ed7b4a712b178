using System.Numerics.Tensors;

namespace Aderencia.Models.Neural;

/// <summary>
/// fastText-style network: the mean of the row's value-scaled column embeddings, an optional hidden layer, and a
/// 3-way softmax. Only columns seen in training own an embedding row (<see cref="RowOf"/> maps a table slot to it).
/// </summary>
internal sealed class NeuralNetwork
{
    public const int K = 3;

    public NeuralNetwork(int dim, int hidden, HiddenActivation activation, BagNorm norm, int table, int[] rowOf, int rows)
    {
        Dim = dim;
        Hidden = hidden;
        Activation = activation;
        Norm = norm;
        Table = table;
        RowOf = rowOf;
        Embeddings = new float[(long)rows * dim];
        W1 = new float[hidden * dim];
        B1 = new float[hidden];
        W2 = new float[K * OutWidth];
        B2 = new float[K];
    }

    public int Dim { get; }
    public int Hidden { get; }
    public HiddenActivation Activation { get; }
    public BagNorm Norm { get; }

    /// <summary>Column c uses table slot c mod Table.</summary>
    public int Table { get; }
    public int[] RowOf { get; }
    public int Rows => Embeddings.Length / Dim;
    public float[] Embeddings { get; private set; }
    public float[] W1 { get; private set; }
    public float[] B1 { get; private set; }
    public float[] W2 { get; private set; }
    public float[] B2 { get; private set; }

    /// <summary>Width of the layer feeding the softmax.</summary>
    public int OutWidth => Hidden > 0 ? Hidden : Dim;

    public long Weights => Embeddings.LongLength + W1.Length + B1.Length + W2.Length + B2.Length;

    public int RowFor(int column) => RowOf[column % Table];

    /// <summary>The factor the bag sum is multiplied by for a row with <paramref name="n"/> active columns.</summary>
    public float Scale(int n) => n <= 1 ? 1f : Norm == BagNorm.Mean ? 1f / n : 1f / MathF.Sqrt(n);

    /// <summary>h = Σ vⱼ·E[cⱼ] · Scale(n) over the row's n active columns (unseen columns add nothing but still count).</summary>
    public void Embed(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> h)
    {
        h.Clear();
        var e = Embeddings.AsSpan();
        for (int j = 0; j < indices.Length; j++)
        {
            int r = RowFor(indices[j]);
            if (r >= 0) TensorPrimitives.MultiplyAdd(e.Slice(r * Dim, Dim), values[j], h, h);
        }
        if (indices.Length > 1) TensorPrimitives.Multiply(h, Scale(indices.Length), h);
    }

    /// <summary>From the bag vector to logits; keeps the hidden pre-activations and activations for back-propagation.</summary>
    public void Forward(ReadOnlySpan<float> h, Span<float> pre, Span<float> act, Span<float> logits)
    {
        ReadOnlySpan<float> top = h;
        if (Hidden > 0)
        {
            for (int i = 0; i < Hidden; i++) pre[i] = B1[i] + TensorPrimitives.Dot(W1.AsSpan(i * Dim, Dim), h);
            if (Activation == HiddenActivation.Relu) TensorPrimitives.Max(pre[..Hidden], 0f, act);
            else TensorPrimitives.Tanh(pre[..Hidden], act);
            top = act[..Hidden];
        }
        int w = OutWidth;
        for (int k = 0; k < K; k++) logits[k] = B2[k] + TensorPrimitives.Dot(W2.AsSpan(k * w, w), top);
    }

    public static void Softmax(ReadOnlySpan<float> logits, Span<float> probs3)
    {
        float m = MathF.Max(logits[0], MathF.Max(logits[1], logits[2]));
        float e0 = MathF.Exp(logits[0] - m), e1 = MathF.Exp(logits[1] - m), e2 = MathF.Exp(logits[2] - m);
        float inv = 1f / (e0 + e1 + e2);
        probs3[0] = e0 * inv;
        probs3[1] = e1 * inv;
        probs3[2] = e2 * inv;
    }

    public void Predict(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probs3, Scratch s)
    {
        Embed(indices, values, s.H);
        Forward(s.H, s.Pre, s.Act, s.Logits);
        Softmax(s.Logits, probs3);
    }

    /// <summary>
    /// ∂logit_k/∂h for every class k, as rows of <paramref name="grad"/> [k·Dim + d], at the row whose bag vector is
    /// in <paramref name="s"/> (after <see cref="Forward"/>). Exact without a hidden layer; the local linearisation with one.
    /// </summary>
    public void LogitGradients(Scratch s, Span<float> grad)
    {
        if (Hidden == 0)
        {
            W2.AsSpan(0, K * Dim).CopyTo(grad);
            return;
        }
        for (int k = 0; k < K; k++)
        {
            var g = grad.Slice(k * Dim, Dim);
            g.Clear();
            for (int i = 0; i < Hidden; i++)
            {
                float d = W2[k * Hidden + i] * Derivative(s.Pre[i], s.Act[i]);
                if (d != 0) TensorPrimitives.MultiplyAdd(W1.AsSpan(i * Dim, Dim), d, g, g);
            }
        }
    }

    /// <summary>One SGD step on one row (weighted cross-entropy); returns the row's weighted loss.</summary>
    public float Step(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, int label, float weight, float lr, Scratch s)
    {
        Embed(indices, values, s.H);
        Forward(s.H, s.Pre, s.Act, s.Logits);
        Span<float> p = stackalloc float[K];
        Softmax(s.Logits, p);
        float loss = -weight * MathF.Log(MathF.Max(p[label], 1e-30f));
        for (int k = 0; k < K; k++) p[k] = weight * (p[k] - (k == label ? 1f : 0f));

        int w = OutWidth;
        var top = Hidden > 0 ? s.Act.AsSpan(0, Hidden) : s.H.AsSpan(0, Dim);
        var dTop = s.DTop.AsSpan(0, w);
        dTop.Clear();
        for (int k = 0; k < K; k++)
        {
            var row = W2.AsSpan(k * w, w);
            TensorPrimitives.MultiplyAdd(row, p[k], dTop, dTop);
            TensorPrimitives.MultiplyAdd(top, -lr * p[k], row, row);
            B2[k] -= lr * p[k];
        }

        var dh = s.DH.AsSpan(0, Dim);
        if (Hidden > 0)
        {
            dh.Clear();
            for (int i = 0; i < Hidden; i++)
            {
                float dz = dTop[i] * Derivative(s.Pre[i], s.Act[i]);
                if (dz == 0) continue;
                var row = W1.AsSpan(i * Dim, Dim);
                TensorPrimitives.MultiplyAdd(row, dz, dh, dh);
                TensorPrimitives.MultiplyAdd(s.H.AsSpan(0, Dim), -lr * dz, row, row);
                B1[i] -= lr * dz;
            }
        }
        else
        {
            dTop.CopyTo(dh);
        }

        float scale = -lr * Scale(indices.Length);
        var e = Embeddings.AsSpan();
        for (int j = 0; j < indices.Length; j++)
        {
            int r = RowFor(indices[j]);
            if (r < 0) continue;
            var row = e.Slice(r * Dim, Dim);
            TensorPrimitives.MultiplyAdd(dh, scale * values[j], row, row);
        }
        return loss;
    }

    private float Derivative(float pre, float act) => Activation == HiddenActivation.Relu ? (pre > 0 ? 1f : 0f) : 1f - act * act;

    /// <summary>Copies the trainable weights of <paramref name="other"/> (same shape) into this network.</summary>
    public void CopyFrom(NeuralNetwork other)
    {
        other.Embeddings.CopyTo(Embeddings, 0);
        other.W1.CopyTo(W1, 0);
        other.B1.CopyTo(B1, 0);
        other.W2.CopyTo(W2, 0);
        other.B2.CopyTo(B2, 0);
    }

    public NeuralNetwork Clone()
    {
        var copy = new NeuralNetwork(Dim, Hidden, Activation, Norm, Table, RowOf, Rows);
        copy.CopyFrom(this);
        return copy;
    }

    internal void Set(float[] embeddings, float[] w1, float[] b1, float[] w2, float[] b2)
    {
        Embeddings = embeddings;
        W1 = w1;
        B1 = b1;
        W2 = w2;
        B2 = b2;
    }

    /// <summary>Per-thread buffers so the forward and backward passes allocate nothing.</summary>
    public sealed class Scratch(int dim, int hidden)
    {
        public float[] H { get; } = new float[dim];
        public float[] Pre { get; } = new float[Math.Max(1, hidden)];
        public float[] Act { get; } = new float[Math.Max(1, hidden)];
        public float[] Logits { get; } = new float[K];
        public float[] DTop { get; } = new float[Math.Max(dim, hidden)];
        public float[] DH { get; } = new float[dim];
    }
}
