using System.Text;
using Aderencia.IO;

namespace Aderencia.Data.Csv;

/// <summary>Writes batches as RFC 4180 CSV (UTF-8, comma, LF), lists as JSON arrays, nulls as empty cells.</summary>
public sealed class CsvTableWriter : ITableWriter
{
    private readonly AtomicFile _file;
    private readonly StreamWriter _writer;
    private readonly TableSchema _schema;

    public CsvTableWriter(string path, TableSchema schema)
    {
        _schema = schema;
        _file = new AtomicFile(path);
        _writer = new StreamWriter(_file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        for (int c = 0; c < schema.Count; c++)
        {
            if (c > 0) _writer.Write(',');
            WriteCell(schema[c].Name, forceQuotes: false);
        }
        _writer.Write('\n');
    }

    public void Write(Table batch)
    {
        for (int r = 0; r < batch.RowCount; r++)
        {
            for (int c = 0; c < _schema.Count; c++)
            {
                if (c > 0) _writer.Write(',');
                var v = batch.Columns[c].Values[r];
                if (v is null) continue;
                var text = ValueText.Format(v);
                WriteCell(text, forceQuotes: text.Length == 0);
            }
            _writer.Write('\n');
        }
    }

    private void WriteCell(string text, bool forceQuotes)
    {
        if (!forceQuotes && text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(text);
            return;
        }
        _writer.Write('"');
        _writer.Write(text.Replace("\"", "\"\""));
        _writer.Write('"');
    }

    public void Complete()
    {
        _writer.Dispose();
        _file.Commit();
    }

    public void Dispose()
    {
        if (!_file.Committed) _writer.Dispose();
        _file.Dispose();
    }
}
