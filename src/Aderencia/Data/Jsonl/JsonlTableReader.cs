using System.Text.Json;

namespace Aderencia.Data.Jsonl;

/// <summary>
/// Reads JSON Lines: one object per line, keys as columns (in order of first appearance), kinds
/// inferred over the whole file in a first pass. A missing key is a null.
/// </summary>
public sealed class JsonlTableReader : ITableReader
{
    private const int MaxLineBytes = 64 * 1024 * 1024;
    private readonly RejectSink? _rejects;
    private long? _rowCount;

    public JsonlTableReader(string path, RejectSink? rejects = null, int batchSize = 8192)
    {
        Path = path;
        _rejects = rejects;
        BatchSize = batchSize;
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        if (new FileInfo(path).Length == 0) throw new DataFormatException(path, "the file is empty; expected one JSON object per line");
        Schema = InferSchema();
    }

    public string Path { get; }
    public int BatchSize { get; }
    public TableSchema Schema { get; }
    public long? RowCount => _rowCount;

    private TableSchema InferSchema()
    {
        var order = new List<string>();
        var kinds = new Dictionary<string, JsonKindInference>(StringComparer.Ordinal);
        long rows = 0;
        foreach (var (doc, _) in Objects(rejectBad: false))
        {
            using (doc)
            {
                rows++;
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    if (!kinds.TryGetValue(p.Name, out var k))
                    {
                        kinds[p.Name] = k = new JsonKindInference();
                        order.Add(p.Name);
                    }
                    k.Observe(p.Value);
                }
            }
        }
        if (order.Count == 0) throw new DataFormatException(Path, "no JSON object with any key was found");
        _rowCount = rows;
        return new TableSchema(order.Select(n => kinds[n].Result(n)).ToArray());
    }

    private IEnumerable<(JsonDocument Doc, long Row)> Objects(bool rejectBad)
    {
        using var fs = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var lines = new Utf8LineReader(fs, MaxLineBytes, Path);
        long row = 0;
        while (lines.Next(out var line))
        {
            if (row == 0 && line.StartsWith("\uFEFF"u8)) line = line[3..];
            if (IsBlank(line)) continue;
            row++;
            JsonDocument? doc = null;
            string? problem = null;
            try
            {
                doc = JsonDocument.Parse(line.ToArray());
                if (doc.RootElement.ValueKind != JsonValueKind.Object) problem = $"expected a JSON object, found {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}";
            }
            catch (JsonException e)
            {
                problem = $"invalid JSON: {e.Message.Split('.')[0]}";
            }
            if (problem is not null)
            {
                doc?.Dispose();
                if (rejectBad) Reject(row, null, problem, line);
                continue;
            }
            yield return (doc!, row);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line) if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }

    public IEnumerable<Table> ReadBatches(IReadOnlyCollection<string>? columns = null)
    {
        var batch = new RowBatcher(Schema, columns, BatchSize, Path);
        var schema = batch.Schema;
        var slot = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < schema.Count; k++) slot[schema[k].Name] = k;
        var values = new object?[schema.Count];
        foreach (var (doc, _) in Objects(rejectBad: true))
        {
            using (doc)
            {
                Array.Clear(values);
                foreach (var p in doc.RootElement.EnumerateObject())
                    if (slot.TryGetValue(p.Name, out int k)) values[k] = JsonKindInference.Convert(p.Value, schema[k]);
            }
            batch.Add(values);
            if (batch.IsFull) yield return batch.Flush();
        }
        if (!batch.IsEmpty) yield return batch.Flush();
    }

    private void Reject(long row, string? column, string reason, ReadOnlySpan<byte> line)
    {
        if (_rejects is null) throw new DataFormatException(Path, reason, row, column);
        var raw = System.Text.Encoding.UTF8.GetString(line.Length > 4096 ? line[..4096] : line);
        _rejects.Add(new RejectedRow(Path, row, column, reason, raw));
    }

    public void Dispose() { }
}
