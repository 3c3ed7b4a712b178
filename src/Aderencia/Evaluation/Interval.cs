using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aderencia.Evaluation;

/// <summary>A closed range [Low, High]; written to JSON as the pair [lo, hi].</summary>
[JsonConverter(typeof(IntervalJsonConverter))]
public readonly record struct Interval(double Low, double High)
{
    public bool Contains(double value) => value >= Low && value <= High;
}

internal sealed class IntervalJsonConverter : JsonConverter<Interval>
{
    public override Interval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("an interval is written as [lo, hi]");
        reader.Read();
        double low = reader.GetDouble();
        reader.Read();
        double high = reader.GetDouble();
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("an interval has exactly two numbers: [lo, hi]");
        return new Interval(low, high);
    }

    public override void Write(Utf8JsonWriter writer, Interval value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Low);
        writer.WriteNumberValue(value.High);
        writer.WriteEndArray();
    }
}
