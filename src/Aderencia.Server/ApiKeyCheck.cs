using System.Security.Cryptography;
using System.Text;

namespace Aderencia.Server;

/// <summary>The optional API key: compared in constant time, read from X-Api-Key or Authorization: Bearer.</summary>
public sealed class ApiKeyCheck(string key)
{
    public const string Header = "X-Api-Key";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public bool Allows(HttpRequest request)
    {
        string? given = request.Headers[Header].FirstOrDefault();
        if (given is null && request.Headers.Authorization.FirstOrDefault() is { } auth
            && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            given = auth[7..].Trim();
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _key);
    }
}
