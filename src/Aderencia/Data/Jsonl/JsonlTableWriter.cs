using System.Text.Encodings.Web;
using System.Text.Json;
using Aderencia.IO;

namespace Aderencia.Data.Jsonl;

/// <summary>
/// Writes one JSON object per row with the column names as keys: strings, numbers, booleans, null,
/// lists as arrays, DATE "YYYY-MM-DD", TIMESTAMP "YYYY-MM-DDTHH:MM:SS.ffffff" (UTC), DECIMAL as a string with its scale.
/// </summary>
public sealed class JsonlTableWriter : ITableWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private readonly AtomicFile _file;
    private readonly TableSchema _schema;
    private readonly JsonEncodedText[] _names;
    private readonly Utf8JsonWriter _json;

    public JsonlTableWriter(string path, TableSchema schema)
    {
        _schema = schema;
        _file = new AtomicFile(path);
        _names = schema.Columns.Select(c => JsonEncodedText.Encode(c.Name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)).ToArray();
        _json = new Utf8JsonWriter(_file.Stream, Options);
    }

    public void Write(Table batch)
    {
        for (int r = 0; r < batch.RowCount; r++)
        {
            _json.WriteStartObject();
            for (int c = 0; c < _schema.Count; c++)
            {
                _json.WritePropertyName(_names[c]);
                ValueText.WriteJson(_json, batch.Columns[c].Values[r]);
            }
            _json.WriteEndObject();
            _json.Flush();
            _file.Stream.WriteByte((byte)'\n');
            _json.Reset();
        }
    }

    public void Complete()
    {
        _json.Dispose();
        _file.Commit();
    }

    public void Dispose()
    {
        _json.Dispose();
        _file.Dispose();
    }
}
