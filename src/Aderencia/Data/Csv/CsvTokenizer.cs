using System.Text;

namespace Aderencia.Data.Csv;

/// <summary>
/// RFC 4180 record reader over a TextReader: quoted fields with doubled quotes and embedded line breaks,
/// any single-character delimiter, CRLF or LF. Tracks the physical line where each record starts.
/// </summary>
internal sealed class CsvTokenizer
{
    private const int MaxFieldChars = 16 * 1024 * 1024;

    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly string _path;
    private readonly char[] _buffer = new char[1 << 16];
    private int _pos;
    private int _len;
    private long _line = 1;
    private readonly StringBuilder _field = new();

    public CsvTokenizer(TextReader reader, char delimiter, string path)
    {
        _reader = reader;
        _delimiter = delimiter;
        _path = path;
    }

    /// <summary>Physical line (1-based) where the last record returned started.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at end of input.
    /// Quoted-ness is reported per field so an explicit "" can differ from a missing value.</summary>
    public bool ReadRecord(List<string> fields, List<bool> quoted)
    {
        fields.Clear();
        quoted.Clear();
        if (!Fill()) return false;
        RecordLine = _line;
        while (true)
        {
            bool wasQuoted = ReadField(out bool endOfRecord);
            fields.Add(_field.ToString());
            quoted.Add(wasQuoted);
            if (endOfRecord) return true;
        }
    }

    private bool Fill()
    {
        if (_pos < _len) return true;
        _len = _reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _len > 0;
    }

    private bool ReadField(out bool endOfRecord)
    {
        _field.Clear();
        if (!Fill()) { endOfRecord = true; return false; }
        if (_buffer[_pos] == '"')
        {
            _pos++;
            ReadQuoted();
            // after the closing quote: delimiter, line end or end of input; stray text is kept verbatim
            while (Fill())
            {
                char c = _buffer[_pos];
                if (c == _delimiter) { _pos++; endOfRecord = false; return true; }
                if (c == '\n' || c == '\r') { ConsumeLineEnd(); endOfRecord = true; return true; }
                Append(c);
                _pos++;
            }
            endOfRecord = true;
            return true;
        }
        while (Fill())
        {
            var span = _buffer.AsSpan(_pos, _len - _pos);
            int stop = span.IndexOfAny(_delimiter, '\n', '\r');
            if (stop < 0)
            {
                AppendSpan(span);
                _pos = _len;
                continue;
            }
            AppendSpan(span[..stop]);
            _pos += stop;
            char c = _buffer[_pos];
            if (c == _delimiter) { _pos++; endOfRecord = false; return false; }
            ConsumeLineEnd();
            endOfRecord = true;
            return false;
        }
        endOfRecord = true;
        return false;
    }

    private void ReadQuoted()
    {
        long startLine = _line;
        while (Fill())
        {
            var span = _buffer.AsSpan(_pos, _len - _pos);
            int q = span.IndexOf('"');
            var chunk = q < 0 ? span : span[..q];
            foreach (char ch in chunk) if (ch == '\n') _line++;
            AppendSpan(chunk);
            if (q < 0) { _pos = _len; continue; }
            _pos += q + 1;
            if (Fill() && _buffer[_pos] == '"') { Append('"'); _pos++; continue; }
            return;
        }
        throw new DataFormatException(_path, $"a quoted field opened on line {startLine} is never closed (unbalanced '\"')", row: null);
    }

    private void ConsumeLineEnd()
    {
        if (_buffer[_pos] == '\r')
        {
            _pos++;
            if (Fill() && _buffer[_pos] == '\n') _pos++;
        }
        else _pos++;
        _line++;
    }

    private void Append(char c)
    {
        if (_field.Length >= MaxFieldChars) TooLong();
        _field.Append(c);
    }

    private void AppendSpan(ReadOnlySpan<char> s)
    {
        if (_field.Length + s.Length > MaxFieldChars) TooLong();
        _field.Append(s);
    }

    private void TooLong() =>
        throw new DataFormatException(_path, $"a field starting on line {RecordLine} is longer than {MaxFieldChars / (1024 * 1024)} M characters; is the quoting broken?");
}
