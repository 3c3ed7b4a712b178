using System.CommandLine;

namespace Aderencia.Cli.Commands;

internal static class SplitCommand
{
    public static Command Build()
    {
        var cmd = new Command("split", "Write OUTDIR/train, eval and test in IN's format (pending).");
        return cmd;
    }
}
