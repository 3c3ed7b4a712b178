using System.Text;
using System.Text.Json;

namespace Aderencia.Pipeline;

/// <summary>Reads a JSON compare config (comments and trailing commas allowed) into nodes that know their lines.</summary>
internal static class CompareConfigJson
{
    public static CompareConfigNode Parse(string text, string source)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var lines = new LineIndex(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read()) throw CompareConfigFile.Error(source, 1, "is empty; write {\"models\": [...]}");
            var root = Value(ref reader, lines, source, "");
            reader.Read();   // throws on anything but blanks and comments after the root value
            return root;
        }
        catch (JsonException e)
        {
            throw CompareConfigFile.Error(source, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON: {e.Message}");
        }
    }

    private static CompareConfigNode Value(ref Utf8JsonReader r, LineIndex lines, string source, string path)
    {
        int line = lines.At(r.TokenStartIndex);
        switch (r.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<CompareConfigMember>();
                while (r.Read() && r.TokenType != JsonTokenType.EndObject)
                {
                    int keyLine = lines.At(r.TokenStartIndex);
                    string key = r.GetString()!;
                    if (members.Exists(m => m.Key == key)) throw CompareConfigFile.Error(source, keyLine, $"{CompareConfigFile.Join(path, key)} is given twice");
                    r.Read();
                    members.Add(new CompareConfigMember(key, keyLine, Value(ref r, lines, source, CompareConfigFile.Join(path, key))));
                }
                return CompareConfigNode.Object(line, members);
            case JsonTokenType.StartArray:
                var items = new List<CompareConfigNode>();
                while (r.Read() && r.TokenType != JsonTokenType.EndArray) items.Add(Value(ref r, lines, source, $"{path}[{items.Count}]"));
                return CompareConfigNode.Array(line, items);
            case JsonTokenType.String: return CompareConfigNode.Scalar(CompareConfigKind.String, line, r.GetString()!);
            case JsonTokenType.Number: return CompareConfigNode.Scalar(CompareConfigKind.Number, line, Encoding.UTF8.GetString(r.ValueSpan));
            case JsonTokenType.True: return CompareConfigNode.Scalar(CompareConfigKind.Bool, line, "true");
            case JsonTokenType.False: return CompareConfigNode.Scalar(CompareConfigKind.Bool, line, "false");
            default: return CompareConfigNode.Scalar(CompareConfigKind.Null, line, "");
        }
    }

    /// <summary>Byte offset → 1-based line, by binary search over the offsets of the line feeds.</summary>
    private sealed class LineIndex(byte[] utf8)
    {
        private readonly int[] _feeds = utf8.Select((b, i) => (b, i)).Where(x => x.b == (byte)'\n').Select(x => x.i).ToArray();

        public int At(long offset)
        {
            int i = System.Array.BinarySearch(_feeds, (int)offset);
            return (i >= 0 ? i : ~i) + 1;
        }
    }
}
