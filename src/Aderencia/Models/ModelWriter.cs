using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace Aderencia.Models;

/// <summary>Collects a learner's hyper-parameters and named float sections for <see cref="ModelFile"/>.</summary>
public sealed class ModelWriter
{
    private readonly List<(string Name, byte[] Bytes)> _sections = [];

    public ModelWriter(SectionEncoding weightEncoding = SectionEncoding.Float32) => WeightEncoding = weightEncoding;

    /// <summary>Encoding learners should use for their large weight sections.</summary>
    public SectionEncoding WeightEncoding { get; }

    /// <summary>The learner's own header entries (hyper-parameters, shapes).</summary>
    public JsonObject Learner { get; } = new();

    internal IReadOnlyList<(string Name, byte[] Bytes)> Sections => _sections;

    /// <summary>
    /// Adds every section of <paramref name="member"/> under "<paramref name="prefix"/>.name" (a learner made of
    /// learners, e.g. an ensemble, stores each member this way; <see cref="ModelReader.Nested"/> reads them back).
    /// </summary>
    public void AddNested(string prefix, ModelWriter member)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        foreach (var (name, bytes) in member._sections)
        {
            string full = prefix + "." + name;
            foreach (var s in _sections)
                if (s.Name == full) throw new ArgumentException($"section '{full}' was added twice");
            var nameBytes = Encoding.UTF8.GetBytes(full);
            if (nameBytes.Length > ushort.MaxValue) throw new ArgumentException("section name too long", nameof(prefix));
            int oldName = 2 + BinaryPrimitives.ReadUInt16LittleEndian(bytes);
            var renamed = new byte[2 + nameBytes.Length + bytes.Length - oldName];
            BinaryPrimitives.WriteUInt16LittleEndian(renamed, (ushort)nameBytes.Length);
            nameBytes.CopyTo(renamed, 2);
            bytes.AsSpan(oldName).CopyTo(renamed.AsSpan(2 + nameBytes.Length));
            _sections.Add((full, renamed));
        }
    }

    /// <summary>
    /// Adds a section. Values are grouped in runs of <paramref name="stride"/> (e.g. the 3 class weights of one
    /// column); when most groups are all zero, only the non-zero groups and their indices are stored.
    /// </summary>
    public void AddSection(string name, ReadOnlySpan<float> values, int stride = 1, SectionEncoding encoding = SectionEncoding.Float32)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Encoding.UTF8.GetByteCount(name) > ushort.MaxValue) throw new ArgumentException("section name too long", nameof(name));
        if (stride < 1 || values.Length % stride != 0) throw new ArgumentException($"section '{name}' has {values.Length} values, not a multiple of stride {stride}");
        foreach (var s in _sections)
            if (s.Name == name) throw new ArgumentException($"section '{name}' was added twice");

        int groups = values.Length / stride, nonZero = 0;
        for (int g = 0; g < groups; g++)
            if (values.Slice(g * stride, stride).ContainsAnyExcept(0f)) nonZero++;
        int denseSize = SectionCodec.EncodedSize(encoding, values.Length);
        int sparseSize = 4 + 4 * nonZero + SectionCodec.EncodedSize(encoding, nonZero * stride);
        bool sparse = sparseSize < denseSize;

        var nameBytes = Encoding.UTF8.GetBytes(name);
        int head = 2 + nameBytes.Length + 1 + 1 + 4 + 8 + 8;
        int payload = sparse ? sparseSize : denseSize;
        var bytes = new byte[head + payload];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)nameBytes.Length);
        nameBytes.CopyTo(span[2..]);
        int at = 2 + nameBytes.Length;
        span[at++] = (byte)encoding;
        span[at++] = sparse ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], stride);
        BinaryPrimitives.WriteInt64LittleEndian(span[(at + 4)..], values.Length);
        BinaryPrimitives.WriteInt64LittleEndian(span[(at + 12)..], payload);
        var body = span[head..];
        if (!sparse)
        {
            SectionCodec.Encode(encoding, values, body);
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(body, nonZero);
            var packed = new float[nonZero * stride];
            for (int g = 0, n = 0; g < groups; g++)
            {
                var group = values.Slice(g * stride, stride);
                if (!group.ContainsAnyExcept(0f)) continue;
                BinaryPrimitives.WriteInt32LittleEndian(body[(4 + 4 * n)..], g);
                group.CopyTo(packed.AsSpan(n * stride));
                n++;
            }
            SectionCodec.Encode(encoding, packed, body[(4 + 4 * nonZero)..]);
        }
        _sections.Add((name, bytes));
    }
}
