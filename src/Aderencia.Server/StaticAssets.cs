using System.Collections.Frozen;

namespace Aderencia.Server;

/// <summary>The web page, its script and style, and openapi.json: embedded in this assembly, read once, served from memory.</summary>
public static class StaticAssets
{
    private const string Prefix = "wwwroot/";

    private static readonly FrozenDictionary<string, (byte[] Bytes, string ContentType)> Files = Load();

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var asm = typeof(StaticAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var s = asm.GetManifestResourceStream(name)!;
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            files[name[Prefix.Length..]] = (ms.ToArray(), ContentType(name));
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static IEnumerable<string> Names => Files.Keys;

    public static bool TryGet(string name, out byte[] bytes, out string contentType)
    {
        if (Files.TryGetValue(name, out var f)) { (bytes, contentType) = f; return true; }
        (bytes, contentType) = ([], "");
        return false;
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
