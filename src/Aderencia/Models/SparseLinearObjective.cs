using System.Numerics.Tensors;

namespace Aderencia.Models;

/// <summary>
/// Full-batch objective (1/S)·Σ cᵢ·lossᵢ + ‖W‖²/(2·C·S), S = Σ cᵢ, over parameters [W (column·K + k) | extras].
/// Its minimizer is scikit-learn's C·Σ cᵢ·lossᵢ + ½‖W‖². Rows are scored in fixed blocks and gradients are summed
/// per column over the column-major copy, so every sum has one order whatever the thread count: bit-identical results.
/// </summary>
internal sealed class SparseLinearObjective<TLoss> : IDifferentiableFunction where TLoss : struct, IRowLoss
{
    private const int RowBlock = 1024;
    private const int ColumnBlock = 4096;

    private readonly CompactData _data;
    private readonly byte[] _labels;
    private readonly double[] _rowWeight;
    private readonly double _lambda;
    private readonly double _scale;
    private readonly ParallelOptions _parallel;
    private readonly double[] _residual;
    private readonly double[] _blockSums;

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
    }

    public int Dimension { get; }
    public int Rows => _data.Rows;

    public double Evaluate(double[] x, double[] gradient)
    {
        double loss = RowPass(_data, x, _labels, _rowWeight, _residual, _blockSums);
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
        return other.Rows == 0 ? double.NaN : RowPass(other, x, lab, ones, new double[other.Rows * TLoss.Outputs], sums) / other.Rows;
    }

    private double RowPass(CompactData data, double[] x, byte[] labels, double[] rowWeight, double[] residual, double[] blockSums)
    {
        int blocks = Blocks(data.Rows, RowBlock);
        if (_parallel.MaxDegreeOfParallelism == 1 || blocks == 1)
            for (int b = 0; b < blocks; b++) ScoreBlock(data, x, labels, rowWeight, residual, blockSums, b);
        else
            Parallel.For(0, blocks, _parallel, b => ScoreBlock(data, x, labels, rowWeight, residual, blockSums, b));
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
        var rowStart = data.RowStart;
        var cols = data.RowCol;
        var vals = data.RowVal;
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

    private void ColumnPass(double[] x, double[] gradient)
    {
        int blocks = Blocks(_data.Columns, ColumnBlock);
        if (_parallel.MaxDegreeOfParallelism == 1 || blocks == 1)
            for (int b = 0; b < blocks; b++) GradientBlock(x, gradient, b);
        else
            Parallel.For(0, blocks, _parallel, b => GradientBlock(x, gradient, b));
    }

    private void GradientBlock(double[] x, double[] gradient, int block)
    {
        int k = TLoss.Outputs;
        var colStart = _data.ColStart!;
        var colRow = _data.ColRow!;
        var colVal = _data.ColVal!;
        var residual = _residual;
        Span<double> acc = stackalloc double[k];
        int end = Math.Min(_data.Columns, (block + 1) * ColumnBlock);
        for (int c = block * ColumnBlock; c < end; c++)
        {
            acc.Clear();
            for (int j = colStart[c]; j < colStart[c + 1]; j++)
            {
                int at = colRow[j] * k;
                double v = colVal[j];
                for (int o = 0; o < k; o++) acc[o] += residual[at + o] * v;
            }
            for (int o = 0; o < k; o++) gradient[c * k + o] = acc[o] * _scale + _lambda * x[c * k + o];
        }
    }

    private static int Blocks(int count, int size) => Math.Max(1, (count + size - 1) / size);
}
