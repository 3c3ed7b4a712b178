namespace Aderencia.Models;

/// <summary>
/// Proportional-odds loss: P(y ≤ k) = σ(θₖ − s), θ₂ = θ₁ + exp(δ); extras are (θ₁, δ). The middle class uses
/// log(σ(a₂) − σ(a₁)) = log σ(a₂) + log σ(−a₁) + log(1 − e^{−(a₂−a₁)}), which stays finite when both saturate.
/// </summary>
internal struct OrdinalLoss : IRowLoss
{
    public static int Outputs => 1;
    public static int Extras => 2;

    public static double Loss(ReadOnlySpan<double> scores, ReadOnlySpan<double> extras, int label, Span<double> dScore, Span<double> dExtra)
    {
        double s = scores[0];
        double gap = Math.Exp(extras[1]);
        double a1 = extras[0] - s, a2 = a1 + gap;
        double loss, d1, d2; // ∂loss/∂a₁, ∂loss/∂a₂
        switch (label)
        {
            case 0:
                loss = -LogSigmoid(a1);
                d1 = -Sigmoid(-a1);
                d2 = 0;
                break;
            case 2:
                loss = -LogSigmoid(-a2);
                d1 = 0;
                d2 = Sigmoid(a2);
                break;
            default:
                double em1 = -ExpM1(-gap);
                loss = -(LogSigmoid(a2) + LogSigmoid(-a1) + Math.Log(em1));
                double tail = 1.0 / ExpM1(gap);
                d2 = -(Sigmoid(-a2) + tail);
                d1 = Sigmoid(a1) + tail;
                break;
        }
        dScore[0] = -(d1 + d2);
        dExtra[0] = d1 + d2;
        dExtra[1] = d2 * gap;
        return loss;
    }

    /// <summary>eˣ − 1 without cancellation near 0 (the runtime's version is plain Exp(x) − 1).</summary>
    private static double ExpM1(double x) => Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1;

    public static double Sigmoid(double z) => z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));

    public static double LogSigmoid(double z) => z >= 0 ? -Math.Log(1.0 + Math.Exp(-z)) : z - Math.Log(1.0 + Math.Exp(z));
}
