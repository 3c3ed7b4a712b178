using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Aderencia.Evaluation;

/// <summary>JSON form of <see cref="EvaluationResult"/>: snake_case names, accents kept readable, indented.</summary>
public static class EvaluationJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    public static string Serialize(EvaluationResult result) => JsonSerializer.Serialize(result, Options);

    public static EvaluationResult Deserialize(string json) =>
        JsonSerializer.Deserialize<EvaluationResult>(json, Options)
        ?? throw new JsonException("the JSON holds null, not an evaluation result");
}
