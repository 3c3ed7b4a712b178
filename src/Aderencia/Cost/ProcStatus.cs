using System.Buffers.Text;

namespace Aderencia.Cost;

/// <summary>Resident set, its high-water mark and thread count of this process, from /proc/self/status.</summary>
internal readonly record struct ProcStatusSnapshot(long RssBytes, long HwmBytes, int Threads);

/// <summary>Reads /proc/self/status into a reused buffer, so a sample allocates nothing but the file handle.</summary>
internal sealed class ProcStatus
{
    private const string StatusPath = "/proc/self/status";
    private readonly byte[] _buffer = new byte[8192];

    public static bool IsAvailable => File.Exists(StatusPath);

    public ProcStatusSnapshot Read()
    {
        if (!IsAvailable) return Fallback();
        int n;
        using (var handle = File.OpenHandle(StatusPath))
            n = RandomAccess.Read(handle, _buffer, 0);
        return Parse(_buffer.AsSpan(0, n));
    }

    internal static ProcStatusSnapshot Parse(ReadOnlySpan<byte> text)
    {
        long rss = 0, hwm = 0;
        int threads = 0;
        while (!text.IsEmpty)
        {
            int eol = text.IndexOf((byte)'\n');
            var line = eol < 0 ? text : text[..eol];
            text = eol < 0 ? default : text[(eol + 1)..];
            if (line.StartsWith("VmRSS:"u8)) rss = Number(line[6..]) * 1024;
            else if (line.StartsWith("VmHWM:"u8)) hwm = Number(line[6..]) * 1024;
            else if (line.StartsWith("Threads:"u8)) threads = (int)Number(line[8..]);
        }
        return new ProcStatusSnapshot(rss, hwm, threads);
    }

    private static long Number(ReadOnlySpan<byte> field)
    {
        field = field.TrimStart(" \t"u8);
        return Utf8Parser.TryParse(field, out long value, out _) ? value : 0;
    }

    private static ProcStatusSnapshot Fallback()
    {
        using var p = System.Diagnostics.Process.GetCurrentProcess();
        return new ProcStatusSnapshot(p.WorkingSet64, p.PeakWorkingSet64, p.Threads.Count);
    }
}
