using System.Text.Encodings.Web;
using System.Text.Json;

namespace Aderencia.Cli;

internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
