namespace Aderencia.Domain;

/// <summary>A graded pair: the level, the probability of each level, and why, in Portuguese.</summary>
public sealed record Prediction(AdherenceLevel Level, float ProbBaixa, float ProbMedia, float ProbAlta, string Justification)
{
    public float Probability(AdherenceLevel level) => level switch
    {
        AdherenceLevel.Baixa => ProbBaixa,
        AdherenceLevel.Media => ProbMedia,
        _ => ProbAlta,
    };

    /// <summary>P(MÉDIA) + 2·P(ALTA), 0..2: one number to rank themes by adherence.</summary>
    public float Score => ProbMedia + 2 * ProbAlta;
}
