namespace Aderencia.Models;

/// <summary>A smooth objective the optimizer minimizes.</summary>
internal interface IDifferentiableFunction
{
    int Dimension { get; }

    /// <summary>Returns f(x) and writes ∇f(x) into <paramref name="gradient"/>.</summary>
    double Evaluate(double[] x, double[] gradient);
}
