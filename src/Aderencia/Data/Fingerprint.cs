using System.Security.Cryptography;

namespace Aderencia.Data;

/// <summary>A short content hash of a file, recorded in model cards and run records to tell datasets apart.</summary>
public static class Fingerprint
{
    public static string OfFile(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(fs))[..16];
    }
}
