using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace Aderencia.Models;

/// <summary>A validated model file's header and sections, handed to a learner's Load.</summary>
public sealed class ModelReader
{
    private readonly byte[] _bytes;
    private readonly Dictionary<string, Section> _sections;

    private readonly record struct Section(SectionEncoding Encoding, bool Sparse, int Stride, long Length, int Offset, int PayloadLength);

    internal ModelReader(string path, byte[] bytes, int sectionsAt, int sectionsEnd, JsonObject header)
    {
        Path = path;
        _bytes = bytes;
        Header = header;
        Learner = header["learner"] as JsonObject ?? throw Damaged("the header has no learner entry");
        _sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        IndexSections(sectionsAt, sectionsEnd);
    }

    private ModelReader(ModelReader parent, string prefix, JsonObject learner)
    {
        Path = parent.Path;
        _bytes = parent._bytes;
        Header = parent.Header;
        Learner = learner;
        _sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        foreach (var (name, s) in parent._sections)
            if (name.StartsWith(prefix + ".", StringComparison.Ordinal)) _sections[name[(prefix.Length + 1)..]] = s;
    }

    /// <summary>A view of the sections written by <see cref="ModelWriter.AddNested"/> under <paramref name="prefix"/>, with the member's own learner entry.</summary>
    public ModelReader Nested(string prefix, JsonObject learner) => new(this, prefix, learner);

    public string Path { get; }
    public JsonObject Header { get; }
    public JsonObject Learner { get; }
    public IEnumerable<string> SectionNames => _sections.Keys;

    public SectionEncoding EncodingOf(string name) => Find(name).Encoding;

    /// <summary>Decodes a section into a new array; <paramref name="expectedLength"/> guards against mismatched shapes.</summary>
    public float[] ReadSection(string name, long expectedLength)
    {
        var s = Find(name);
        if (s.Length != expectedLength) throw Damaged($"section '{name}' holds {s.Length} values where {expectedLength} were expected");
        var values = new float[s.Length];
        var payload = _bytes.AsSpan(s.Offset, s.PayloadLength);
        if (!s.Sparse)
        {
            Need(payload.Length == SectionCodec.EncodedSize(s.Encoding, values.Length), name);
            SectionCodec.Decode(s.Encoding, payload, values);
            return values;
        }
        Need(payload.Length >= 4, name);
        int groups = BinaryPrimitives.ReadInt32LittleEndian(payload);
        Need(groups >= 0 && (long)groups * s.Stride <= s.Length
            && payload.Length == 4 + 4L * groups + SectionCodec.EncodedSize(s.Encoding, groups * s.Stride), name);
        var packed = new float[groups * s.Stride];
        SectionCodec.Decode(s.Encoding, payload[(4 + 4 * groups)..], packed);
        long groupCount = s.Length / s.Stride;
        for (int n = 0; n < groups; n++)
        {
            int g = BinaryPrimitives.ReadInt32LittleEndian(payload[(4 + 4 * n)..]);
            Need(g >= 0 && g < groupCount, name);
            packed.AsSpan(n * s.Stride, s.Stride).CopyTo(values.AsSpan(g * s.Stride));
        }
        return values;
    }

    public int LearnerInt(string key) =>
        Learner[key] is JsonValue v && v.TryGetValue(out int i) ? i : throw Damaged($"the learner entry lacks the integer '{key}'");

    public ModelFormatException Damaged(string why) =>
        new(Path, $"model file {Path} is damaged ({why}); retrain or copy it again");

    private Section Find(string name) =>
        _sections.TryGetValue(name, out var s) ? s : throw Damaged($"section '{name}' is missing");

    private void Need(bool ok, string section)
    {
        if (!ok) throw Damaged($"section '{section}' is malformed");
    }

    private void IndexSections(int at, int end)
    {
        var b = _bytes.AsSpan(0, end);
        if (end - at < 4) throw Damaged("the section table is cut short");
        int count = BinaryPrimitives.ReadInt32LittleEndian(b[at..]);
        at += 4;
        for (int i = 0; i < count; i++)
        {
            if (end - at < 2) throw Damaged("the section table is cut short");
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
            if (end - at < 2 + nameLength + 22) throw Damaged("the section table is cut short");
            string name = Encoding.UTF8.GetString(b.Slice(at + 2, nameLength));
            at += 2 + nameLength;
            var encoding = (SectionEncoding)b[at];
            bool sparse = b[at + 1] switch { 0 => false, 1 => true, _ => throw Damaged($"section '{name}' has an unknown layout") };
            int stride = BinaryPrimitives.ReadInt32LittleEndian(b[(at + 2)..]);
            long length = BinaryPrimitives.ReadInt64LittleEndian(b[(at + 6)..]);
            long payload = BinaryPrimitives.ReadInt64LittleEndian(b[(at + 14)..]);
            at += 22;
            if (!Enum.IsDefined(encoding)) throw Damaged($"section '{name}' has an unknown encoding {(byte)encoding}");
            if (stride < 1 || length < 0 || length > Array.MaxLength || length % stride != 0 || payload < 0 || payload > end - at)
                throw Damaged($"section '{name}' has an impossible size");
            if (!_sections.TryAdd(name, new Section(encoding, sparse, stride, length, at, (int)payload)))
                throw Damaged($"section '{name}' appears twice");
            at += (int)payload;
        }
        if (at != end) throw Damaged("bytes left over after the last section");
    }
}
