namespace Aderencia.Server;

// The JSON the API answers with (snake_case names; see docs/api.md). Levels use the challenge's spelling: BAIXA, MEDIA, ALTA.

public sealed record MapResponse(string HashId, string Uf, string Sigla, bool Justified, IReadOnlyList<GradedTheme> Temas);

public sealed record GradedTheme(int Rank, int TemaId, string Tema, string Macrotema, string Nivel, float ProbBaixa, float ProbMedia,
    float ProbAlta, float Score, string? Justificativa, ThemeEvidence? Evidencias);

/// <summary>What the justification cites: theme keywords found (and in which fields), thesis words for and against, and
/// <see cref="Destaques"/>, the words to highlight in the thesis text.</summary>
public sealed record ThemeEvidence(IReadOnlyList<KeywordFound> PalavrasChave, IReadOnlyList<string> TermosAFavor,
    IReadOnlyList<string> TermosContra, IReadOnlyList<string> Destaques);

public sealed record KeywordFound(string PalavraChave, IReadOnlyList<string> Campos);

public sealed record PairsResponse(int Count, bool Justified, IReadOnlyList<PairPrediction> Previsoes);

public sealed record PairPrediction(int Index, string HashId, int TemaId, string Nivel, float ProbBaixa, float ProbMedia, float ProbAlta,
    string? Justificativa);

public sealed record ThemeInfo(int TemaId, string Tema, string Uf, string Sigla, string Macrotema, IReadOnlyList<string> PalavrasChave);

public sealed record ThemesResponse(string? Uf, int Count, IReadOnlyList<ThemeInfo> Temas);

public sealed record UfInfo(string Uf, string Sigla, int Temas);

public sealed record HealthResponse(string Status, string Model, int Themes, double UptimeSeconds);
