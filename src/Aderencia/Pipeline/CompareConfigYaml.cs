using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Aderencia.Pipeline;

/// <summary>
/// Reads the YAML subset a compare config needs: block mappings and sequences indented with spaces (`key: value`,
/// `- item`, `- key: value` opening a mapping), scalars (plain, 'single' or "double" quoted with \ escapes;
/// true/false, null/~ and numbers as in YAML 1.2's core schema; anything else plain is a string) and `#` comments.
/// Flow collections ([a, b], {k: v}), anchors, aliases, tags, block scalars (| >) and multi-line strings are refused
/// with the line they are on.
/// </summary>
internal static partial class CompareConfigYaml
{
    private sealed record Line(int Number, int Indent, string Text);

    public static CompareConfigNode Parse(string text, string source)
    {
        var lines = Lines(text, source);
        if (lines.Count == 0) throw CompareConfigFile.Error(source, 1, "is empty; write 'models:' followed by a list of models");
        var parser = new Parser(lines, source);
        int i = 0;
        var root = parser.Block(ref i, lines[0].Indent, "");
        if (i < lines.Count) throw CompareConfigFile.Error(source, lines[i].Number, $"'{lines[i].Text}' does not line up with the lines above it; check its indentation");
        return root;
    }

    /// <summary>Content lines: comments and blank lines dropped, a leading "---" skipped, indentation measured.</summary>
    private static List<Line> Lines(string text, string source)
    {
        var result = new List<Line>();
        var raw = text.ReplaceLineEndings("\n").Split('\n');
        for (int n = 0; n < raw.Length; n++)
        {
            string line = StripComment(raw[n]).TrimEnd();
            int indent = 0;
            while (indent < line.Length && line[indent] == ' ') indent++;
            if (indent == line.Length) continue;
            if (line[indent] == '\t') throw CompareConfigFile.Error(source, n + 1, "is indented with a tab; indent with spaces");
            if (result.Count == 0 && line == "---") continue;
            if (line is "---" or "...") throw CompareConfigFile.Error(source, n + 1, "starts a second YAML document; write one document");
            result.Add(new Line(n + 1, indent, line[indent..]));
        }
        return result;
    }

    /// <summary>Cuts a `#` that starts the line or follows a blank, outside quotes.</summary>
    private static string StripComment(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote == '"' && c == '\\') i++;
            else if (quote == '\'' && c == '\'' && i + 1 < line.Length && line[i + 1] == '\'') i++;
            else if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'' && (i == 0 || line[i - 1] is ' ' or '\t' or '-' or ':' or '[' or '{' or ',')) quote = c;
            else if (c == '#' && (i == 0 || line[i - 1] is ' ' or '\t')) return line[..i];
        }
        return line;
    }

    private sealed class Parser(List<Line> lines, string source)
    {
        /// <summary>The mapping or sequence whose lines start at column <paramref name="indent"/>, from line <paramref name="i"/>.</summary>
        public CompareConfigNode Block(ref int i, int indent, string path) =>
            IsItem(lines[i].Text) ? Sequence(ref i, indent, path) : Mapping(ref i, indent, path);

        private CompareConfigNode Mapping(ref int i, int indent, string path)
        {
            int start = lines[i].Number;
            var members = new List<CompareConfigMember>();
            while (i < lines.Count && lines[i].Indent == indent)
            {
                var line = lines[i];
                if (IsItem(line.Text)) throw Fail(line, $"is a list item where {Where(path)} has 'key: value' lines");
                if (!TrySplitKey(line, out string key, out string rest))
                    throw Fail(line, $"needs 'key: value' in {Where(path)}, not '{line.Text}'");
                string at = CompareConfigFile.Join(path, key);
                if (members.Exists(m => m.Key == key)) throw Fail(line, $"{at} is given twice");
                i++;
                CompareConfigNode value;
                if (rest.Length > 0) value = Scalar(line, rest, at);
                else if (i < lines.Count && (lines[i].Indent > indent || (lines[i].Indent == indent && IsItem(lines[i].Text))))
                    value = Block(ref i, lines[i].Indent, at);
                else value = CompareConfigNode.Scalar(CompareConfigKind.Null, line.Number, "");
                members.Add(new CompareConfigMember(key, line.Number, value));
            }
            if (i < lines.Count && lines[i].Indent > indent) throw Misaligned(lines[i], $"the keys of {Where(path)}");
            return CompareConfigNode.Object(start, members);
        }

        private CompareConfigNode Sequence(ref int i, int indent, string path)
        {
            int start = lines[i].Number;
            var items = new List<CompareConfigNode>();
            while (i < lines.Count && lines[i].Indent == indent && IsItem(lines[i].Text))
            {
                var line = lines[i];
                string at = $"{path}[{items.Count}]";
                int offset = 1;
                while (offset < line.Text.Length && line.Text[offset] == ' ') offset++;
                string rest = line.Text[offset..];
                if (rest.Length == 0)
                {
                    i++;
                    items.Add(i < lines.Count && lines[i].Indent > indent ? Block(ref i, lines[i].Indent, at)
                        : CompareConfigNode.Scalar(CompareConfigKind.Null, line.Number, ""));
                }
                else if (IsItem(rest) || TrySplitKey(line with { Text = rest }, out _, out _))
                {
                    // "- key: value" opens a mapping whose keys line up with this first one.
                    lines[i] = new Line(line.Number, indent + offset, rest);
                    items.Add(Block(ref i, indent + offset, at));
                }
                else
                {
                    items.Add(Scalar(line, rest, at));
                    i++;
                }
            }
            if (i < lines.Count && lines[i].Indent > indent) throw Misaligned(lines[i], $"the items of {Where(path)}");
            return CompareConfigNode.Array(start, items);
        }

        /// <summary>"key: rest" or "key:" with a plain or quoted key; false for a scalar such as "a:b" or "http://x".</summary>
        private bool TrySplitKey(Line line, out string key, out string rest)
        {
            string text = line.Text;
            int end;
            if (text[0] is '"' or '\'')
            {
                key = Quoted(line, text, "a key", out end);
            }
            else
            {
                end = -1;
                for (int c = 0; c < text.Length; c++)
                    if (text[c] == ':' && (c + 1 == text.Length || text[c + 1] == ' ')) { end = c; break; }
                if (end <= 0) { key = rest = ""; return false; }
                key = text[..end].TrimEnd();
            }
            int colon = end;
            while (colon < text.Length && text[colon] == ' ') colon++;
            if (colon == text.Length || text[colon] != ':' || (colon + 1 < text.Length && text[colon + 1] != ' ')) { key = rest = ""; return false; }
            rest = text[(colon + 1)..].Trim();
            return true;
        }

        private CompareConfigNode Scalar(Line line, string text, string at)
        {
            if (text[0] is '"' or '\'')
            {
                string value = Quoted(line, text, at, out int end);
                if (end != text.Length) throw Fail(line, $"{at}: unexpected '{text[end..]}' after the quoted string");
                return CompareConfigNode.Scalar(CompareConfigKind.String, line.Number, value);
            }
            if (text[0] is '[' or '{')
                throw Fail(line, $"{at}: flow collections ([a, b], {{k: v}}) are not read; write a block list ('- item' lines) or mapping ('key: value' lines)");
            if (text[0] is '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`')
                throw Fail(line, $"{at}: '{text[0]}' (anchors, aliases, tags, block scalars) is not read; quote the value if it is text");
            if (text is "true" or "True" or "TRUE") return CompareConfigNode.Scalar(CompareConfigKind.Bool, line.Number, "true");
            if (text is "false" or "False" or "FALSE") return CompareConfigNode.Scalar(CompareConfigKind.Bool, line.Number, "false");
            if (text is "null" or "Null" or "NULL" or "~") return CompareConfigNode.Scalar(CompareConfigKind.Null, line.Number, "");
            if (text.Contains(": ", StringComparison.Ordinal) || text.EndsWith(':'))
                throw Fail(line, $"{at}: '{text}' reads as a nested 'key: value'; quote it if it is text, or put the mapping on the lines below");
            if (NumberPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                return CompareConfigNode.Scalar(CompareConfigKind.Number, line.Number, text);
            return CompareConfigNode.Scalar(CompareConfigKind.String, line.Number, text);
        }

        /// <summary>The quoted string starting at text[0]; <paramref name="end"/> is the index after its closing quote.</summary>
        private string Quoted(Line line, string text, string at, out int end)
        {
            char quote = text[0];
            var sb = new StringBuilder();
            for (int c = 1; c < text.Length; c++)
            {
                char ch = text[c];
                if (ch == quote)
                {
                    if (quote == '\'' && c + 1 < text.Length && text[c + 1] == '\'') { sb.Append('\''); c++; continue; }
                    end = c + 1;
                    return sb.ToString();
                }
                if (quote == '"' && ch == '\\')
                {
                    if (++c == text.Length) break;
                    sb.Append(text[c] switch
                    {
                        '"' => "\"", '\\' => "\\", '/' => "/", 'n' => "\n", 't' => "\t", 'r' => "\r", '0' => "\0",
                        'u' when c + 4 < text.Length && ushort.TryParse(text.AsSpan(c + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ushort u)
                            => ((char)u).ToString(),
                        var e => throw Fail(line, $"{at}: unknown escape '\\{e}' in a double-quoted string"),
                    });
                    if (text[c] == 'u') c += 4;
                    continue;
                }
                sb.Append(ch);
            }
            throw Fail(line, $"{at}: the {(quote == '"' ? "double" : "single")}-quoted string has no closing quote (strings span one line)");
        }

        private static bool IsItem(string text) => text[0] == '-' && (text.Length == 1 || text[1] == ' ');

        private static string Where(string path) => path.Length == 0 ? "the top level" : path;

        private FormatException Misaligned(Line line, string what) => Fail(line, $"'{line.Text}' does not line up with {what}; check its indentation");

        private FormatException Fail(Line line, string what) => CompareConfigFile.Error(source, line.Number, what);
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();
}
