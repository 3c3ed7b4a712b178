namespace Aderencia.Tests;

/// <summary>Where the repository, its fixtures and the shared reference data are.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Fixtures(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "fixtures", .. parts]);

    /// <summary>../shared beside the clone (CI puts it there).</summary>
    public static string Shared(params string[] parts) => Path.Combine([RepoRoot, "..", "shared", .. parts]);

    public static string Sample(string file) => Path.Combine(RepoRoot, "data", "sample", file);

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Aderencia.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Aderencia.slnx)");
    }
}

/// <summary>A temporary folder removed at the end of a test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path_);

    public string Path_ { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aderencia-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path_, name);

    public string Write(string name, string content)
    {
        var p = File(name);
        System.IO.File.WriteAllText(p, content);
        return p;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path_, recursive: true); } catch (IOException) { }
    }
}
