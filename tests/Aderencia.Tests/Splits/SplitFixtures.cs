using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Aderencia.Tests.Splits;

/// <summary>Reads the numpy reference vectors written by tools/splits/make_vectors.py.</summary>
internal static class SplitFixtures
{
    private static readonly Dictionary<string, JsonElement> Cache = [];

    public static JsonElement Cases(string file)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(file, out var cases))
            {
                var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "splits", file);
                using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
                cases = doc.RootElement.GetProperty("cases").Clone();
                Cache[file] = cases;
            }
            return cases;
        }
    }

    public static TheoryData<int> CaseIndices(string file)
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Cases(file).GetArrayLength(); i++) data.Add(i);
        return data;
    }

    public static JsonElement Case(string file, int index) => Cases(file)[index];

    public static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();
    public static uint[] UInts(JsonElement array) => array.EnumerateArray().Select(e => e.GetUInt32()).ToArray();

    public static ulong[] ULongStrings(JsonElement array) =>
        array.EnumerateArray().Select(e => ulong.Parse(e.GetString()!, CultureInfo.InvariantCulture)).ToArray();

    public static UInt128 Hex128(JsonElement value) =>
        UInt128.Parse(value.GetString()!.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    public static string Sha256Int32Le(ReadOnlySpan<int> values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), values[i]);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
