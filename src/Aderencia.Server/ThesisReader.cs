using System.Text.Json;
using Aderencia.Data;
using Aderencia.Domain;
using C = Aderencia.Data.ChallengeColumns;

namespace Aderencia.Server;

/// <summary>
/// A thesis from a JSON object spelled with the challenge's column names, so a row of the challenge file posts as is
/// (extra fields ignored). Required: nome_producao, the state (uf_pesquisador, sigla_uf, uf or uf_tema_info, as name
/// or code) and one of descricao_resumo / descricao_palavra_chave / descricao_abstract / descricao_keyword.
/// </summary>
public static class ThesisReader
{
    public const string SiglaUf = "sigla_uf";

    private static readonly string[] UfFields = [C.UfPesquisador, SiglaUf, "uf", C.UfTema];
    private static readonly string[] TextFields = [C.Resumo, C.PalavraChave, C.Abstract, C.Keyword];

    /// <param name="where">Prefix for messages about an item of a batch, e.g. "pairs[3]: ".</param>
    /// <param name="fallbackId">The id used when the object has no hash_id.</param>
    public static Production Read(JsonElement json, string fallbackId, string where = "")
    {
        if (json.ValueKind != JsonValueKind.Object)
            throw ApiProblemException.BadRequest($"{where}expected a JSON object with the thesis fields ({C.Titulo}, {C.UfPesquisador}, {C.Resumo}, ...), got {Kind(json)}");
        var missing = new List<string>(3);
        string title = Text(json, C.Titulo, where);
        if (title.Length == 0) missing.Add(C.Titulo);
        string? ufText = null;
        foreach (var f in UfFields)
            if (Text(json, f, where) is { Length: > 0 } u) { ufText = u; break; }
        if (ufText is null) missing.Add($"{C.UfPesquisador} (or {SiglaUf})");
        var production = new Production
        {
            Id = Text(json, C.HashId, where) is { Length: > 0 } id ? id : fallbackId,
            Title = title,
            Uf = "",
            Abstract = Text(json, C.Resumo, where),
            AbstractEn = Text(json, C.Abstract, where),
            Keywords = FieldCleaner.Keywords(Value(json, C.PalavraChave, where)),
            KeywordsEn = FieldCleaner.Keywords(Value(json, C.Keyword, where)),
            Program = Text(json, C.Programa, where),
            Institution = Text(json, C.Sigla, where),
            ConcentrationArea = Text(json, C.AreaConcentracao, where),
            ResearchLine = Text(json, C.LinhaPesquisa, where),
            Project = Text(json, C.Projeto, where),
            Subtype = Text(json, C.Subtipo, where),
            Degree = Text(json, C.Grau, where),
            GreatArea = Text(json, C.GrandeArea, where),
            KnowledgeArea = Text(json, C.Area, where),
            Subarea = Text(json, C.Subarea, where),
            Specialty = Text(json, C.Especialidade, where),
            DefenseDate = FieldCleaner.Date(Value(json, C.DataTitulacao, where)),
        };
        if (production.Abstract.Length == 0 && production.Keywords.Count == 0 && production.AbstractEn.Length == 0 && production.KeywordsEn.Count == 0)
            missing.Add($"{C.Resumo} or {C.PalavraChave} (or {C.Abstract} / {C.Keyword})");
        if (missing.Count > 0)
            throw ApiProblemException.BadRequest($"{where}missing required field{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing)}",
                new Dictionary<string, object?> { ["missing"] = missing.ToArray() });
        return production with { Uf = ResolveUf(ufText!, where) };
    }

    /// <summary>The canonical state name for a name ("ACRE", "acre", "São Paulo") or code ("AC"); 400 when it is neither.</summary>
    public static string ResolveUf(string text, string where = "") =>
        Ufs.Canonical(text) ?? throw ApiProblemException.BadRequest(
            $"{where}unknown UF '{text}': give a Brazilian state's name (ACRE) or two-letter code (AC)");

    /// <summary>tema_id as a JSON number or numeric string; 400 naming the field otherwise.</summary>
    public static int ThemeId(JsonElement json, string where)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty(C.TemaId, out var v) || v.ValueKind is JsonValueKind.Null)
            throw ApiProblemException.BadRequest($"{where}missing required field: {C.TemaId}", new Dictionary<string, object?> { ["missing"] = new[] { C.TemaId } });
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n)) return n;
        if (v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out n)) return n;
        throw ApiProblemException.BadRequest($"{where}{C.TemaId} must be a whole number, got {v.GetRawText()}");
    }

    private static string Text(JsonElement json, string field, string where) => FieldCleaner.Text(Value(json, field, where));

    private static object? Value(JsonElement json, string field, string where)
    {
        if (!json.TryGetProperty(field, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Array => v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : ScalarOrFail(x, field, where)).ToArray<object?>(),
            _ => throw ApiProblemException.BadRequest($"{where}{field} must be a string (or a list of strings), got {Kind(v)}"),
        };
    }

    private static string? ScalarOrFail(JsonElement x, string field, string where) => x.ValueKind switch
    {
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => x.GetRawText(),
        JsonValueKind.Null => null,
        _ => throw ApiProblemException.BadRequest($"{where}{field} must be a list of strings, got an item that is {Kind(x)}"),
    };

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
