namespace Aderencia.Cli;

/// <summary>Whether we talk to a person (progress bars, colours) or to a pipe (plain, quiet).</summary>
internal static class Terminal
{
    public static bool Interactive =>
        !Console.IsOutputRedirected && !Console.IsErrorRedirected && !Dumb;

    /// <summary>Stderr reaches a person: progress bars may be drawn there whatever stdout is piped to.</summary>
    public static bool ErrorInteractive => !Console.IsErrorRedirected && !Dumb;

    /// <summary>ADERENCIA_VERBOSE=1: plain status lines instead of progress bars, even when piped.</summary>
    public static bool Verbose => Environment.GetEnvironmentVariable("ADERENCIA_VERBOSE") is "1";

    /// <summary>A status line on stderr for people; nothing when piped.</summary>
    public static void Status(string message)
    {
        if (Interactive || Verbose) Console.Error.WriteLine(message);
    }

    private static bool Dumb =>
        Environment.GetEnvironmentVariable("CI") is not null || Environment.GetEnvironmentVariable("TERM") is "dumb";
}
