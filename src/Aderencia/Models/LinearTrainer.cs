using System.Diagnostics;
using Aderencia.Domain;
using Aderencia.Features;

namespace Aderencia.Models;

/// <summary>Fits a sparse linear model with loss <typeparamref name="TLoss"/> by L-BFGS; shared by the learners.</summary>
internal static class LinearTrainer
{
    public readonly record struct Result(double[] Parameters, int[] Columns, FitSummary Summary);

    /// <param name="initialExtras">Starting values of the extra parameters (biases, thresholds); weights start at 0.</param>
    public static Result Train<TLoss>(SparseMatrix x, ReadOnlySpan<AdherenceLevel> y, FitOptions options, SparseMatrix? xValid, AdherenceLevel[]? yValid,
        ReadOnlySpan<double> initialExtras) where TLoss : struct, IRowLoss
    {
        options.Validate();
        if (y.Length != x.RowCount) throw new ArgumentException($"{x.RowCount} feature rows but {y.Length} labels");
        if (x.RowCount == 0) throw new ArgumentException("cannot train on zero rows");
        if ((xValid is null) != (yValid is null)) throw new ArgumentException("give both validation rows and labels, or neither");
        if (xValid is not null && xValid.RowCount != yValid!.Length) throw new ArgumentException($"{xValid.RowCount} validation rows but {yValid.Length} labels");

        var clock = Stopwatch.StartNew();
        var data = CompactData.ForTraining(x, options.Threads);
        var objective = new SparseLinearObjective<TLoss>(data, y, ClassWeights.Compute(y, options.ClassWeights), options.C, options.Threads);
        var p = new double[objective.Dimension];
        initialExtras.CopyTo(p.AsSpan(data.Columns * TLoss.Outputs));

        var valid = xValid is not null && options.Progress is not null ? data.Project(xValid) : null;
        Func<LbfgsIteration, bool>? report = null;
        if (options.Progress is { } progress)
            report = it =>
            {
                double vloss = valid is null ? double.NaN : objective.MeanLoss(valid, yValid, it.X);
                progress(new FitProgress(it.Iteration, it.Value, it.GradientMax, (double)x.RowCount * it.Evaluations / clock.Elapsed.TotalSeconds, vloss));
                return true;
            };
        var r = Lbfgs.Minimize(objective, p, options.Memory, options.MaxIterations, options.Tolerance, report, options.Threads);
        var summary = new FitSummary(r.Iterations, r.Evaluations, r.Value, r.Stop.ToString(), clock.Elapsed.TotalSeconds, data.Columns);
        return new Result(p, data.Original, summary);
    }
}
