namespace Aderencia.Evaluation;

/// <summary>Precision, recall and F1 of one class (or an average of them) and the rows it covers.</summary>
public readonly record struct ClassScores(double Precision, double Recall, double F1, int Support);
