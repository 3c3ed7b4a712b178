using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aderencia.Models;

/// <summary>Writes <see cref="LearnerParameters"/> as a flat JSON object; numbers and booleans are read back as text.</summary>
internal sealed class LearnerParametersJsonConverter : JsonConverter<LearnerParameters>
{
    public override LearnerParameters Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("learner parameters must be a JSON object");
        return new LearnerParameters(doc.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name,
            p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())));
    }

    public override void Write(Utf8JsonWriter writer, LearnerParameters value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (k, v) in value.Values) writer.WriteString(k, v);
        writer.WriteEndObject();
    }
}
