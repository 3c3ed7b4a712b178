using System.Text;

namespace Aderencia.Data.Csv;

/// <summary>
/// Reads a CSV file as typed batches. A first pass infers each column's kind from every value
/// (so no late row can break a guess); the second pass converts. Empty cells are nulls; a quoted
/// empty cell ("") is an empty string.
/// </summary>
public sealed class CsvTableReader : ITableReader
{
    private readonly Encoding _encoding;
    private readonly char _delimiter;
    private readonly string[] _header;
    private readonly RejectSink? _rejects;
    private long? _rowCount;

    public CsvTableReader(string path, RejectSink? rejects = null, int batchSize = 8192)
    {
        Path = path;
        _rejects = rejects;
        BatchSize = batchSize;
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        if (new FileInfo(path).Length == 0) throw new DataFormatException(path, "the file is empty; expected a CSV header line");
        _encoding = TextFileSniffer.DetectEncoding(path);
        using (var r = new StreamReader(path, _encoding, detectEncodingFromByteOrderMarks: true))
            _delimiter = TextFileSniffer.DetectDelimiter(r.ReadLine() ?? "");
        _header = ReadHeader();
        Schema = InferSchema();
    }

    public string Path { get; }
    public int BatchSize { get; }
    public TableSchema Schema { get; }
    public long? RowCount => _rowCount;

    private string[] ReadHeader()
    {
        using var r = new StreamReader(Path, _encoding, detectEncodingFromByteOrderMarks: true);
        var tok = new CsvTokenizer(r, _delimiter, Path);
        List<string> fields = [];
        List<bool> quoted = [];
        if (!tok.ReadRecord(fields, quoted) || fields.All(f => f.Length == 0))
            throw new DataFormatException(Path, "no header line; expected column names on the first line");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < fields.Count; i++)
        {
            fields[i] = fields[i].Trim();
            if (fields[i].Length == 0) fields[i] = $"column_{i + 1}";
            if (!seen.Add(fields[i]))
                throw new DataFormatException(Path, $"column name '{fields[i]}' appears twice in the header");
        }
        return [.. fields];
    }

    private TableSchema InferSchema()
    {
        var inference = new ColumnKindInference[_header.Length];
        for (int i = 0; i < inference.Length; i++) inference[i] = new ColumnKindInference();
        long rows = 0;
        foreach (var (fields, _, _) in Records())
        {
            if (fields.Count != _header.Length) { rows++; continue; }
            for (int c = 0; c < fields.Count; c++) inference[c].Observe(fields[c]);
            rows++;
        }
        _rowCount = rows;
        var cols = new ColumnSchema[_header.Length];
        for (int c = 0; c < cols.Length; c++) cols[c] = inference[c].Result(_header[c]);
        return new TableSchema(cols);
    }

    private IEnumerable<(List<string> Fields, List<bool> Quoted, long Line)> Records()
    {
        using var r = new StreamReader(Path, _encoding, detectEncodingFromByteOrderMarks: true);
        var tok = new CsvTokenizer(r, _delimiter, Path);
        List<string> fields = [];
        List<bool> quoted = [];
        tok.ReadRecord(fields, quoted); // header
        while (tok.ReadRecord(fields, quoted))
        {
            if (fields.Count == 1 && fields[0].Length == 0 && !quoted[0]) continue; // blank line
            yield return (fields, quoted, tok.RecordLine);
        }
    }

    public IEnumerable<Table> ReadBatches(IReadOnlyCollection<string>? columns = null)
    {
        var batch = new RowBatcher(Schema, columns, BatchSize, Path);
        long row = 0;
        foreach (var (fields, quoted, line) in Records())
        {
            row++;
            if (fields.Count != _header.Length)
            {
                Reject(row, null, $"has {fields.Count} fields, the header has {_header.Length} (line {line})", fields);
                continue;
            }
            if (!TryConvertRow(fields, quoted, batch.Wanted, row, line, out var values)) continue;
            batch.Add(values);
            if (batch.IsFull) yield return batch.Flush();
        }
        if (!batch.IsEmpty) yield return batch.Flush();
    }

    private bool TryConvertRow(List<string> fields, List<bool> quoted, int[] wanted, long row, long line, out object?[] values)
    {
        values = new object?[wanted.Length];
        for (int k = 0; k < wanted.Length; k++)
        {
            int c = wanted[k];
            string text = fields[c];
            if (text.Length == 0) { values[k] = quoted[c] && Schema[c].Kind == DataKind.String ? "" : null; continue; }
            if (!ValueText.TryParse(text, Schema[c], out values[k]))
            {
                Reject(row, _header[c], $"'{Clip(text)}' is not a valid {Schema[c].Kind.ToString().ToLowerInvariant()} (line {line})", fields);
                return false;
            }
        }
        return true;
    }

    private void Reject(long row, string? column, string reason, List<string> fields)
    {
        var raw = string.Join(_delimiter, fields);
        if (_rejects is null) throw new DataFormatException(Path, reason, row, column);
        _rejects.Add(new RejectedRow(Path, row, column, reason, raw));
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";

    public void Dispose() { }
}
