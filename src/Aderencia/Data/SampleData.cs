using System.Reflection;

namespace Aderencia.Data;

/// <summary>
/// The LeanDL sample shipped inside the library (pairs, themes, dictionary as Parquet), so `demo`
/// works on any machine. Files are extracted once to a cache folder keyed by the library version.
/// </summary>
public static class SampleData
{
    public const string PairsFile = "leandl_sample_dados.parquet";
    public const string ThemesFile = "themes.parquet";
    public const string DictionaryFile = "leandl_sample_dicionario.parquet";

    private static readonly Lock Gate = new();

    public static string PairsPath => Extract(PairsFile);
    public static string ThemesPath => Extract(ThemesFile);
    public static string DictionaryPath => Extract(DictionaryFile);

    public static string Extract(string file)
    {
        var asm = typeof(SampleData).Assembly;
        var version = asm.ManifestModule.ModuleVersionId.ToString("N")[..12];
        var dir = Path.Combine(Path.GetTempPath(), "aderencia-sample", version);
        var path = Path.Combine(dir, file);
        lock (Gate)
        {
            if (File.Exists(path)) return path;
            using var resource = asm.GetManifestResourceStream("sample/" + file)
                ?? throw new FileNotFoundException($"the embedded sample has no '{file}'");
            Directory.CreateDirectory(dir);
            IO.AtomicFile.WriteAll(path, resource.CopyTo);
        }
        return path;
    }
}
