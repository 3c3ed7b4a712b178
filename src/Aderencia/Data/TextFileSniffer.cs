using System.Text;

namespace Aderencia.Data;

/// <summary>Guesses the text encoding (UTF-8, else Latin-1 as in CAPES' own exports) and the CSV delimiter.</summary>
internal static class TextFileSniffer
{
    private const int SampleBytes = 1 << 16;

    public static Encoding DetectEncoding(string path)
    {
        using var fs = File.OpenRead(path);
        var buf = new byte[(int)Math.Min(SampleBytes, fs.Length)];
        int n = fs.ReadAtLeast(buf, buf.Length, throwOnEndOfStream: false);
        var span = buf.AsSpan(0, n);
        if (span.StartsWith(Encoding.UTF8.Preamble)) return new UTF8Encoding(false);
        // A sample cut inside a multi-byte sequence is still UTF-8: trim up to 3 trailing bytes before judging.
        for (int cut = 0; cut <= Math.Min(3, span.Length); cut++)
            if (Utf8IsValid(span[..^cut])) return new UTF8Encoding(false);
        return Encoding.Latin1;
    }

    private static bool Utf8IsValid(ReadOnlySpan<byte> bytes) =>
        System.Text.Unicode.Utf8.IsValid(bytes);

    /// <summary>The most frequent of ',', ';', '\t', '|' outside quotes on the header line.</summary>
    public static char DetectDelimiter(string headerLine)
    {
        ReadOnlySpan<char> candidates = [',', ';', '\t', '|'];
        Span<int> counts = stackalloc int[candidates.Length];
        bool inQuotes = false;
        foreach (char c in headerLine)
        {
            if (c == '"') inQuotes = !inQuotes;
            else if (!inQuotes)
            {
                int k = candidates.IndexOf(c);
                if (k >= 0) counts[k]++;
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.Length; k++) if (counts[k] > counts[best]) best = k;
        return candidates[best];
    }
}
