namespace Aderencia.IO;

/// <summary>
/// A file written under a temporary name beside its destination and renamed into place on
/// <see cref="Commit"/>, so readers never see half a file and a failed run leaves the old one intact.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly string _tempPath;
    private bool _committed;

    public AtomicFile(string path, int bufferSize = 1 << 16)
    {
        DestinationPath = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(DestinationPath)!;
        Directory.CreateDirectory(dir);
        _tempPath = System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(DestinationPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(_tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize);
    }

    public string DestinationPath { get; }
    public FileStream Stream { get; }
    public bool Committed => _committed;

    public void Commit()
    {
        if (_committed) return;
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(_tempPath, DestinationPath, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        Stream.Dispose();
        try { File.Delete(_tempPath); } catch (IOException) { }
    }

    /// <summary>Writes a whole file atomically.</summary>
    public static void WriteAll(string path, Action<Stream> write)
    {
        using var f = new AtomicFile(path);
        write(f.Stream);
        f.Commit();
    }

    public static void WriteAllText(string path, string text) =>
        WriteAll(path, s =>
        {
            using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            w.Write(text);
        });
}
