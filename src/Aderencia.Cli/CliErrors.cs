using Aderencia.Data;

namespace Aderencia.Cli;

/// <summary>Turns failures into one clear line on stderr and an exit code; stack traces only with ADERENCIA_DEBUG=1.</summary>
internal static class CliErrors
{
    public const int UserError = 2;
    public const int InternalError = 1;

    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            if (Debug) Console.Error.WriteLine(e);
            return UserError;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine(Debug ? e.ToString() : "(set ADERENCIA_DEBUG=1 for details, and please report it)");
            return InternalError;
        }
    }

    private static bool Debug => Environment.GetEnvironmentVariable("ADERENCIA_DEBUG") is "1" or "true";

    private static bool IsUserError(Exception e) =>
        e is DataFormatException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException
            or ArgumentException or FormatException or InvalidDataException or NotSupportedException
        || e.GetType().Name.EndsWith("FormatException", StringComparison.Ordinal);
}
