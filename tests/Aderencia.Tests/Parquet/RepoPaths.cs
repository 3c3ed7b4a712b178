namespace Aderencia.Tests.Parquet;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixture(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "fixtures", "parquet", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Aderencia.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Aderencia.slnx not found above " + AppContext.BaseDirectory);
    }
}
