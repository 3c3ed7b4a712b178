using System.CommandLine;

namespace Aderencia.Cli.Commands;

internal static class DemoCommand
{
    public static Command Build()
    {
        var cmd = new Command("demo", "Run the main job on the embedded sample.");
        return cmd;
    }
}
