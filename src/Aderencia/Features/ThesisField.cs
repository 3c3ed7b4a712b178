namespace Aderencia.Features;

/// <summary>The parts of a thesis the featurizer reads separately.</summary>
public enum ThesisField
{
    Title,
    Keywords,
    Abstract,
    /// <summary>English abstract and keywords.</summary>
    English,
    /// <summary>Program, concentration area, research line, project and knowledge areas.</summary>
    Context,
}

public static class ThesisFields
{
    public const int Count = 5;

    /// <summary>How a justification names the field, in Portuguese.</summary>
    public static string Portuguese(this ThesisField f) => f switch
    {
        ThesisField.Title => "o título",
        ThesisField.Keywords => "as palavras-chave",
        ThesisField.Abstract => "o resumo",
        ThesisField.English => "o resumo em inglês",
        _ => "o programa e a linha de pesquisa",
    };

    /// <summary>"in the field", with the Portuguese contraction: no título, nas palavras-chave.</summary>
    public static string InPortuguese(this ThesisField f) => f switch
    {
        ThesisField.Title => "no título",
        ThesisField.Keywords => "nas palavras-chave",
        ThesisField.Abstract => "no resumo",
        ThesisField.English => "no resumo em inglês",
        _ => "no programa e na linha de pesquisa",
    };
}
