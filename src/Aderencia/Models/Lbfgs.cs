using System.Numerics.Tensors;

namespace Aderencia.Models;

/// <summary>Why <see cref="Lbfgs.Minimize"/> stopped.</summary>
internal enum LbfgsStop
{
    GradientTolerance,
    FunctionTolerance,
    MaxIterations,
    LineSearchFailed,
}

internal readonly record struct LbfgsResult(double Value, int Iterations, int Evaluations, LbfgsStop Stop);

/// <summary>State after one iteration; <see cref="X"/> is the optimizer's buffer, valid only during the callback.</summary>
internal readonly record struct LbfgsIteration(int Iteration, int Evaluations, double Value, double GradientMax, double[] X);

/// <summary>
/// Limited-memory BFGS (Nocedal &amp; Wright, Numerical Optimization, alg. 7.4/7.5): two-loop recursion over the last
/// <c>memory</c> (s, y) pairs, initial Hessian scaled by sᵀy/yᵀy, and a backtracking Armijo line search with
/// safeguarded quadratic interpolation. Pairs failing the curvature test sᵀy &gt; 0 are skipped, keeping the
/// implicit Hessian positive definite. Deterministic: no randomness, fixed operation order.
/// </summary>
internal static class Lbfgs
{
    private const double Armijo = 1e-4;
    private const double RelativeFunctionTolerance = 1e-10;

    /// <param name="x">Start point on entry, minimizer on return.</param>
    /// <param name="onIteration">Called after each iteration; return false to stop.</param>
    /// <param name="threads">Cores for the vector algebra over the parameters (results do not depend on it).</param>
    public static LbfgsResult Minimize(IDifferentiableFunction f, double[] x, int memory, int maxIterations, double gradientTolerance,
        Func<LbfgsIteration, bool>? onIteration = null, int threads = 1)
    {
        int n = f.Dimension;
        var v = new ChunkedVectors(n, threads);
        var answer = x;
        if (x.Length != n) throw new ArgumentException($"start point has {x.Length} values, the objective {n}");
        var g = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var d = new double[n];
        var s = new double[memory][];
        var y = new double[memory][];
        var rho = new double[memory];
        var alpha = new double[memory];
        int stored = 0, newest = -1;

        double fx = f.Evaluate(x, g);
        int evaluations = 1;
        if (!double.IsFinite(fx)) throw new InvalidOperationException("the objective is not finite at the start point");
        if (MaxAbs(g) <= gradientTolerance) return new LbfgsResult(fx, 0, evaluations, LbfgsStop.GradientTolerance);

        for (int iter = 1; iter <= maxIterations; iter++)
        {
            // d = -H·g by the two-loop recursion.
            g.AsSpan().CopyTo(d);
            for (int i = 0; i < stored; i++)
            {
                int j = (newest - i + memory) % memory;
                alpha[j] = rho[j] * v.Dot(s[j], d);
                v.MultiplyAdd(y[j], -alpha[j], d, d);
            }
            if (stored > 0)
            {
                double gamma = v.Dot(s[newest], y[newest]) / v.Dot(y[newest], y[newest]);
                v.Multiply(d, gamma, d);
            }
            for (int i = stored - 1; i >= 0; i--)
            {
                int j = (newest - i + memory) % memory;
                double beta = rho[j] * v.Dot(y[j], d);
                v.MultiplyAdd(s[j], alpha[j] - beta, d, d);
            }
            v.Multiply(d, -1.0, d);

            double slope = v.Dot(d, g);
            if (!(slope < 0))
            {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                stored = 0;
                v.Multiply(g, -1.0, d);
                slope = -v.Dot(g, g);
            }

            double step = stored == 0 ? Math.Min(1.0, 1.0 / Math.Sqrt(-slope)) : 1.0;
            double fNew;
            while (true)
            {
                v.MultiplyAdd(d, step, x, xNew);
                fNew = f.Evaluate(xNew, gNew);
                evaluations++;
                if (fNew <= fx + Armijo * step * slope) break;
                double next = double.IsFinite(fNew) ? -slope * step * step / (2 * (fNew - fx - slope * step)) : 0.1 * step;
                step = Math.Clamp(next, 0.1 * step, 0.5 * step);
                if (step < 1e-20)
                {
                    if (!ReferenceEquals(x, answer)) x.AsSpan().CopyTo(answer);
                    return new LbfgsResult(fx, iter, evaluations, LbfgsStop.LineSearchFailed);
                }
            }

            int slot = (newest + 1) % memory;
            s[slot] ??= new double[n];
            y[slot] ??= new double[n];
            v.Subtract(xNew, x, s[slot]);
            v.Subtract(gNew, g, y[slot]);
            double sy = v.Dot(s[slot], y[slot]);
            if (sy > 1e-12 * v.Dot(y[slot], y[slot]))
            {
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.Min(stored + 1, memory);
            }

            double previous = fx;
            (x, xNew) = (xNew, x);
            (g, gNew) = (gNew, g);
            fx = fNew;
            double gmax = MaxAbs(g);
            bool keepGoing = onIteration?.Invoke(new LbfgsIteration(iter, evaluations, fx, gmax, x)) ?? true;
            LbfgsStop? stop = gmax <= gradientTolerance ? LbfgsStop.GradientTolerance
                : previous - fx <= RelativeFunctionTolerance * Math.Max(1.0, Math.Max(Math.Abs(fx), Math.Abs(previous))) ? LbfgsStop.FunctionTolerance
                : iter == maxIterations || !keepGoing ? LbfgsStop.MaxIterations
                : null;
            if (stop is { } why)
            {
                if (!ReferenceEquals(x, answer)) x.AsSpan().CopyTo(answer);
                return new LbfgsResult(fx, iter, evaluations, why);
            }
        }
        throw new InvalidOperationException("unreachable");
    }

    private static double MaxAbs(ReadOnlySpan<double> v) => v.IsEmpty ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(v));
}
