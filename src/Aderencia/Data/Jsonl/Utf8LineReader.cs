namespace Aderencia.Data.Jsonl;

/// <summary>Splits a stream into LF-terminated lines of UTF-8 bytes without decoding them.</summary>
internal sealed class Utf8LineReader
{
    private readonly Stream _stream;
    private readonly int _maxLine;
    private readonly string _path;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    public Utf8LineReader(Stream stream, int maxLine, string path)
    {
        _stream = stream;
        _maxLine = maxLine;
        _path = path;
    }

    /// <summary>The next line without its terminator; valid until the next call.</summary>
    public bool Next(out ReadOnlySpan<byte> line)
    {
        int scanFrom = _start;
        while (true)
        {
            int nl = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                line = _buffer.AsSpan(_start, scanFrom + nl - _start);
                _start = scanFrom + nl + 1;
                return true;
            }
            if (_eof)
            {
                if (_start == _end) { line = default; return false; }
                line = _buffer.AsSpan(_start, _end - _start);
                _start = _end;
                return true;
            }
            scanFrom = _end;
            Refill(ref scanFrom);
        }
    }

    private void Refill(ref int scanFrom)
    {
        int pending = _end - _start;
        if (pending >= _maxLine)
            throw new DataFormatException(_path, $"a line is longer than {_maxLine / (1024 * 1024)} MiB; is this really JSON Lines?");
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            scanFrom -= _start;
            _start = 0;
            _end = pending;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, _maxLine + 1));
        int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0) _eof = true;
        _end += n;
    }
}
