namespace Aderencia.Cli;

/// <summary>Whether we talk to a person (progress bars, colours) or to a pipe (plain, quiet).</summary>
internal static class Terminal
{
    public static bool Interactive =>
        !Console.IsOutputRedirected && !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("CI") is null
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    /// <summary>A status line on stderr for people; nothing when piped.</summary>
    public static void Status(string message)
    {
        if (Interactive || Environment.GetEnvironmentVariable("ADERENCIA_VERBOSE") is "1") Console.Error.WriteLine(message);
    }
}
