using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aderencia.IO;

namespace Aderencia.Models;

/// <summary>A trained model read back from disk, with the metadata its trainer stored.</summary>
public sealed record LoadedModel(ILevelClassifier Classifier, JsonObject Metadata, JsonObject Header, string Path, long SizeBytes);

/// <summary>
/// The single-file model format (docs/models.md): magic "ADRNCMDL", uint16 version, uint16 flags, int64 file length,
/// length-prefixed UTF-8 JSON header, named binary sections, CRC-32C of everything before it. Little-endian.
/// </summary>
public static class ModelFile
{
    public const ushort FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "ADRNCMDL"u8;
    private const int FixedPrefix = 8 + 2 + 2 + 8;

    /// <summary>Writes the model atomically (a reader never sees half a file).</summary>
    public static void Save(string path, ILevelClassifier model, JsonObject? metadata = null, SectionEncoding weights = SectionEncoding.Float32)
    {
        var bytes = ToBytes(model, metadata, weights);
        AtomicFile.WriteAll(path, s => s.Write(bytes));
    }

    public static byte[] ToBytes(ILevelClassifier model, JsonObject? metadata = null, SectionEncoding weights = SectionEncoding.Float32)
    {
        var writer = new ModelWriter(weights);
        writer.Learner["type"] = model.Type;
        model.Save(writer);
        var header = new JsonObject
        {
            ["metadata"] = metadata?.DeepClone() ?? new JsonObject(),
            ["learner"] = writer.Learner,
            ["decision_offsets"] = new JsonArray(model.DecisionOffsets.Select(o => (JsonNode)JsonValue.Create(o)).ToArray()),
            ["weight_encoding"] = weights.ToString().ToLowerInvariant(),
            ["created"] = DateTimeOffset.UtcNow.ToString("O"),
            ["library_version"] = typeof(ModelFile).Assembly.GetName().Version?.ToString(),
        };
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());

        long size = FixedPrefix + 4 + json.Length + 4 + writer.Sections.Sum(s => (long)s.Bytes.Length) + 4;
        if (size > Array.MaxLength) throw new InvalidOperationException($"the model would take {size} bytes, more than one file can hold; use fewer hash buckets");
        var file = new byte[size];
        var b = file.AsSpan();
        Magic.CopyTo(b);
        BinaryPrimitives.WriteUInt16LittleEndian(b[8..], FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(b[10..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(b[12..], size);
        BinaryPrimitives.WriteInt32LittleEndian(b[FixedPrefix..], json.Length);
        json.CopyTo(b[(FixedPrefix + 4)..]);
        int at = FixedPrefix + 4 + json.Length;
        BinaryPrimitives.WriteInt32LittleEndian(b[at..], writer.Sections.Count);
        at += 4;
        foreach (var s in writer.Sections)
        {
            s.Bytes.CopyTo(b[at..]);
            at += s.Bytes.Length;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(b[at..], Crc32C.Compute(b[..at]));
        return file;
    }

    public static LoadedModel Load(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (FileNotFoundException e) { throw new ModelFormatException(path, $"model file {path} does not exist", e); }
        catch (DirectoryNotFoundException e) { throw new ModelFormatException(path, $"model file {path} does not exist", e); }
        return FromBytes(bytes, path);
    }

    /// <param name="path">Name used in error messages.</param>
    public static LoadedModel FromBytes(byte[] bytes, string path)
    {
        var b = bytes.AsSpan();
        if (b.Length < Magic.Length || !b[..Magic.Length].SequenceEqual(Magic))
            throw new ModelFormatException(path, $"{path} is not an Aderência model file");
        if (b.Length < FixedPrefix) throw Truncated(path, b.Length, null);
        int version = BinaryPrimitives.ReadUInt16LittleEndian(b[8..]);
        if (version > FormatVersion)
            throw new ModelFormatException(path, $"model format v{version} in {path} is newer than this program supports (v{FormatVersion}); upgrade aderencia");
        if (version == 0) throw Damaged(path, "format version 0");
        long declared = BinaryPrimitives.ReadInt64LittleEndian(b[12..]);
        if (b.Length < declared) throw Truncated(path, b.Length, declared);
        if (b.Length > declared) throw Damaged(path, $"{b.Length - declared} unexpected bytes after the end");
        if (declared < FixedPrefix + 12) throw Damaged(path, "impossible length");
        int end = b.Length - 4;
        if (Crc32C.Compute(b[..end]) != BinaryPrimitives.ReadUInt32LittleEndian(b[end..]))
            throw Damaged(path, "checksum mismatch");

        int jsonLength = BinaryPrimitives.ReadInt32LittleEndian(b[FixedPrefix..]);
        if (jsonLength < 0 || jsonLength > end - FixedPrefix - 4) throw Damaged(path, "impossible header length");
        JsonObject header;
        try
        {
            header = JsonNode.Parse(b.Slice(FixedPrefix + 4, jsonLength)) as JsonObject ?? throw Damaged(path, "the header is not a JSON object");
        }
        catch (JsonException e) { throw new ModelFormatException(path, $"model file {path} is damaged (unreadable header); retrain or copy it again", e); }

        var reader = new ModelReader(path, bytes, FixedPrefix + 4 + jsonLength, end, header);
        string type = reader.Learner["type"]?.GetValue<string>() ?? throw reader.Damaged("the learner has no type");
        var model = ModelRegistry.Load(type, reader);
        if (header["decision_offsets"] is JsonArray offsets && offsets.Count == model.DecisionOffsets.Length)
            for (int k = 0; k < offsets.Count; k++) model.DecisionOffsets[k] = offsets[k]!.GetValue<float>();
        var metadata = header["metadata"] as JsonObject ?? new JsonObject();
        return new LoadedModel(model, metadata, header, path, bytes.Length);
    }

    private static ModelFormatException Damaged(string path, string why) =>
        new(path, $"model file {path} is damaged ({why}); retrain or copy it again");

    private static ModelFormatException Truncated(string path, long have, long? want) =>
        new(path, $"model file {path} is truncated ({have} bytes{(want is { } w ? $" of {w}" : "")}); retrain or copy it again");
}
