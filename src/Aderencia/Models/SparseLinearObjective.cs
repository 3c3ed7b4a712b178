using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Aderencia.Models;

/// <summary>
/// Full-batch objective (1/S)·Σ cᵢ·lossᵢ + ‖W‖²/(2·C·S), S = Σ cᵢ, over parameters [W (column·K + k) | extras].
/// Its minimizer is scikit-learn's C·Σ cᵢ·lossᵢ + ½‖W‖². Everything runs over the column-major copy so the large
/// weight vector is streamed, never gathered at random: scores are scattered into one small buffer per fixed column
/// partition and summed in partition order, row losses are summed in fixed row blocks, and each gradient entry is
/// summed by one thread. Every sum has one order whatever the thread count: bit-identical results.
/// </summary>
internal sealed class SparseLinearObjective<TLoss> : IDifferentiableFunction where TLoss : struct, IRowLoss
{
    private const int RowBlock = 1024;
    private const int ColumnBlock = 4096;
    private const int Partitions = 4;

    private readonly CompactData _data;
    private readonly byte[] _labels;
    private readonly double[] _rowWeight;
    private readonly double _lambda;
    private readonly double _scale;
    private readonly ParallelOptions _parallel;
    private readonly double[] _residual;
    private readonly double[] _blockSums;
    private readonly double[] _partialScores;
    private readonly int[] _partitionStart;

    public SparseLinearObjective(CompactData data, ReadOnlySpan<Domain.AdherenceLevel> labels, double[] classWeight, double c, int threads)
    {
        _data = data;
        _labels = new byte[labels.Length];
        _rowWeight = new double[labels.Length];
        double total = 0;
        for (int r = 0; r < labels.Length; r++)
        {
            _labels[r] = (byte)labels[r];
            _rowWeight[r] = classWeight[_labels[r]];
            total += _rowWeight[r];
        }
        if (!(total > 0)) throw new ArgumentException("no training rows carry weight");
        _scale = 1.0 / total;
        _lambda = 1.0 / (c * total);
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        _residual = new double[data.Rows * TLoss.Outputs];
        _blockSums = new double[Blocks(data.Rows, RowBlock) * (1 + TLoss.Extras)];
        Dimension = data.Columns * TLoss.Outputs + TLoss.Extras;
        _partialScores = new double[Partitions * data.Rows * TLoss.Outputs];
        _partitionStart = new int[Partitions + 1];
        var colStart = data.ColStart!;
        for (int p = 1, col = 0; p <= Partitions; p++)
        {
            long target = colStart[^1] * (long)p / Partitions;
            while (col < data.Columns && colStart[col] < target) col++;
            _partitionStart[p] = p == Partitions ? data.Columns : col;
        }
    }

    public int Dimension { get; }
    public int Rows => _data.Rows;

    public double Evaluate(double[] x, double[] gradient)
    {
        ForEach(Partitions, p => ScorePartition(x, p));
        int blocks = Blocks(_data.Rows, RowBlock);
        ForEach(blocks, b => LossBlock(x, b));
        double loss = 0;
        for (int b = 0; b < blocks; b++) loss += _blockSums[b * (1 + TLoss.Extras)];
        int weights = _data.Columns * TLoss.Outputs;
        ColumnPass(x, gradient);

        int e = TLoss.Extras, stride = 1 + e;
        var extraGrad = gradient.AsSpan(weights);
        extraGrad.Clear();
        for (int b = 0; b < _blockSums.Length / stride; b++)
            for (int i = 0; i < e; i++) extraGrad[i] += _blockSums[b * stride + 1 + i];
        TensorPrimitives.Multiply<double>(extraGrad, _scale, extraGrad);
        return loss * _scale + 0.5 * _lambda * TensorPrimitives.SumOfSquares<double>(x.AsSpan(0, weights));
    }

    /// <summary>Mean unweighted loss of other rows (e.g. validation) at parameters <paramref name="x"/>.</summary>
    public double MeanLoss(CompactData other, ReadOnlySpan<Domain.AdherenceLevel> labels, double[] x)
    {
        var lab = new byte[labels.Length];
        for (int i = 0; i < lab.Length; i++) lab[i] = (byte)labels[i];
        var ones = new double[labels.Length];
        ones.AsSpan().Fill(1.0);
        var sums = new double[Blocks(other.Rows, RowBlock) * (1 + TLoss.Extras)];
        return other.Rows == 0 ? double.NaN : RowMajorLoss(other, x, lab, ones, new double[other.Rows * TLoss.Outputs], sums) / other.Rows;
    }

    private void ForEach(int count, Action<int> body)
    {
        if (_parallel.MaxDegreeOfParallelism == 1 || count == 1)
            for (int i = 0; i < count; i++) body(i);
        else
            Parallel.For(0, count, _parallel, body);
    }

    private void ScorePartition(double[] x, int p)
    {
        int k = TLoss.Outputs;
        var scores = _partialScores.AsSpan(p * _data.Rows * k, _data.Rows * k);
        scores.Clear();
        var colStart = _data.ColStart!;
        // Entries' rows are < Rows by construction, so the scatter below stays inside this partition's buffer.
        ref double s0 = ref MemoryMarshal.GetReference(scores);
        ref CompactData.Entry e0 = ref MemoryMarshal.GetArrayDataReference(_data.ColEntries!);
        for (int c = _partitionStart[p]; c < _partitionStart[p + 1]; c++)
        {
            int end = colStart[c + 1];
            if (k == 3)
            {
                double w0 = x[c * 3], w1 = x[c * 3 + 1], w2 = x[c * 3 + 2];
                if (w0 == 0 && w1 == 0 && w2 == 0) continue;
                for (int j = colStart[c]; j < end; j++)
                {
                    ref readonly var e = ref Unsafe.Add(ref e0, j);
                    double v = e.Value;
                    ref double s = ref Unsafe.Add(ref s0, e.Row * 3);
                    s += w0 * v;
                    Unsafe.Add(ref s, 1) += w1 * v;
                    Unsafe.Add(ref s, 2) += w2 * v;
                }
            }
            else
            {
                var w = x.AsSpan(c * k, k);
                for (int j = colStart[c]; j < end; j++)
                {
                    ref readonly var e = ref Unsafe.Add(ref e0, j);
                    double v = e.Value;
                    ref double s = ref Unsafe.Add(ref s0, e.Row * k);
                    for (int o = 0; o < k; o++) Unsafe.Add(ref s, o) += w[o] * v;
                }
            }
        }
    }

    private void LossBlock(double[] x, int block)
    {
        int k = TLoss.Outputs, e = TLoss.Extras, rows = _data.Rows;
        Span<double> scores = stackalloc double[k];
        Span<double> dScore = stackalloc double[k];
        Span<double> dExtra = stackalloc double[e];
        Span<double> sum = stackalloc double[1 + e];
        ReadOnlySpan<double> extras = x.AsSpan(_data.Columns * k, e);
        int end = Math.Min(rows, (block + 1) * RowBlock);
        for (int r = block * RowBlock; r < end; r++)
        {
            scores.Clear();
            for (int p = 0; p < Partitions; p++)
                for (int o = 0; o < k; o++) scores[o] += _partialScores[(p * rows + r) * k + o];
            double w = _rowWeight[r];
            sum[0] += w * TLoss.Loss(scores, extras, _labels[r], dScore, dExtra);
            for (int o = 0; o < k; o++) _residual[r * k + o] = w * dScore[o];
            for (int i = 0; i < e; i++) sum[1 + i] += w * dExtra[i];
        }
        sum.CopyTo(_blockSums.AsSpan(block * (1 + e)));
    }

    private double RowMajorLoss(CompactData data, double[] x, byte[] labels, double[] rowWeight, double[] residual, double[] blockSums)
    {
        int blocks = Blocks(data.Rows, RowBlock);
        ForEach(blocks, b => ScoreBlock(data, x, labels, rowWeight, residual, blockSums, b));
        double loss = 0;
        for (int b = 0, stride = 1 + TLoss.Extras; b < blocks; b++) loss += blockSums[b * stride];
        return loss;
    }

    private static void ScoreBlock(CompactData data, double[] x, byte[] labels, double[] rowWeight, double[] residual, double[] blockSums, int block)
    {
        int k = TLoss.Outputs, e = TLoss.Extras;
        Span<double> scores = stackalloc double[k];
        Span<double> dScore = stackalloc double[k];
        Span<double> dExtra = stackalloc double[e];
        Span<double> sum = stackalloc double[1 + e];
        ReadOnlySpan<double> extras = x.AsSpan(data.Columns * k, e);
        var rowStart = data.RowStart!;
        var cols = data.RowCol!;
        var vals = data.RowVal!;
        int end = Math.Min(data.Rows, (block + 1) * RowBlock);
        for (int r = block * RowBlock; r < end; r++)
        {
            scores.Clear();
            for (int j = rowStart[r]; j < rowStart[r + 1]; j++)
            {
                int at = cols[j] * k;
                double v = vals[j];
                for (int o = 0; o < k; o++) scores[o] += x[at + o] * v;
            }
            double w = rowWeight[r];
            sum[0] += w * TLoss.Loss(scores, extras, labels[r], dScore, dExtra);
            for (int o = 0; o < k; o++) residual[r * k + o] = w * dScore[o];
            for (int i = 0; i < e; i++) sum[1 + i] += w * dExtra[i];
        }
        sum.CopyTo(blockSums.AsSpan(block * (1 + e)));
    }

    private void ColumnPass(double[] x, double[] gradient) => ForEach(Blocks(_data.Columns, ColumnBlock), b => GradientBlock(x, gradient, b));

    private void GradientBlock(double[] x, double[] gradient, int block)
    {
        int k = TLoss.Outputs;
        var colStart = _data.ColStart!;
        ref double r0 = ref MemoryMarshal.GetArrayDataReference(_residual);
        ref CompactData.Entry e0 = ref MemoryMarshal.GetArrayDataReference(_data.ColEntries!);
        Span<double> acc = stackalloc double[k];
        int last = Math.Min(_data.Columns, (block + 1) * ColumnBlock);
        for (int c = block * ColumnBlock; c < last; c++)
        {
            int end = colStart[c + 1];
            if (k == 3)
            {
                double a0 = 0, a1 = 0, a2 = 0;
                for (int j = colStart[c]; j < end; j++)
                {
                    ref readonly var e = ref Unsafe.Add(ref e0, j);
                    double v = e.Value;
                    ref double r = ref Unsafe.Add(ref r0, e.Row * 3);
                    a0 += r * v;
                    a1 += Unsafe.Add(ref r, 1) * v;
                    a2 += Unsafe.Add(ref r, 2) * v;
                }
                gradient[c * 3] = a0 * _scale + _lambda * x[c * 3];
                gradient[c * 3 + 1] = a1 * _scale + _lambda * x[c * 3 + 1];
                gradient[c * 3 + 2] = a2 * _scale + _lambda * x[c * 3 + 2];
                continue;
            }
            acc.Clear();
            for (int j = colStart[c]; j < end; j++)
            {
                ref readonly var e = ref Unsafe.Add(ref e0, j);
                double v = e.Value;
                ref double r = ref Unsafe.Add(ref r0, e.Row * k);
                for (int o = 0; o < k; o++) acc[o] += Unsafe.Add(ref r, o) * v;
            }
            for (int o = 0; o < k; o++) gradient[c * k + o] = acc[o] * _scale + _lambda * x[c * k + o];
        }
    }

    private static int Blocks(int count, int size) => Math.Max(1, (count + size - 1) / size);
}
