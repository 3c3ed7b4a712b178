namespace Aderencia.Data;

/// <summary>The 25 columns of the LeanDL 2025 challenge file, in the file's order.</summary>
public static class ChallengeColumns
{
    public const string HashId = "hash_id";
    public const string TemaId = "tema_id";
    public const string Tema = "tema";
    public const string PalavrasChave = "palavras_chave";
    public const string UfTema = "uf_tema_info";
    public const string UfPesquisador = "uf_pesquisador";
    public const string Programa = "nome_programa";
    public const string Sigla = "sigla_entidade_ensino";
    public const string Titulo = "nome_producao";
    public const string Subtipo = "nome_subtipo_producao";
    public const string AreaConcentracao = "nome_area_concentracao";
    public const string LinhaPesquisa = "nome_linha_pesquisa";
    public const string Projeto = "nome_projeto";
    public const string PalavraChave = "descricao_palavra_chave";
    public const string Resumo = "descricao_resumo";
    public const string Abstract = "descricao_abstract";
    public const string Keyword = "descricao_keyword";
    public const string DataTitulacao = "data_titulacao";
    public const string Grau = "nome_grau_academico";
    public const string GrandeArea = "nome_grande_area_conhecimento";
    public const string Area = "nome_area_conhecimento";
    public const string Subarea = "nome_subarea_conhecimento";
    public const string Especialidade = "nome_especialidade";
    public const string Nivel = "modelo_nivel";
    public const string Explicacao = "modelo_explicacao";

    public static readonly string[] All =
    [
        HashId, TemaId, Tema, PalavrasChave, UfTema, UfPesquisador, Programa, Sigla, Titulo, Subtipo, AreaConcentracao,
        LinhaPesquisa, Projeto, PalavraChave, Resumo, Abstract, Keyword, DataTitulacao, Grau, GrandeArea, Area, Subarea,
        Especialidade, Nivel, Explicacao,
    ];

    /// <summary>Columns a pairs file must have; the rest are used when present.</summary>
    public static readonly string[] Required = [HashId, TemaId, Tema, Titulo];

    public static readonly string[] ThesisColumns =
    [
        HashId, UfPesquisador, Programa, Sigla, Titulo, Subtipo, AreaConcentracao, LinhaPesquisa, Projeto, PalavraChave,
        Resumo, Abstract, Keyword, DataTitulacao, Grau, GrandeArea, Area, Subarea, Especialidade,
    ];
}
