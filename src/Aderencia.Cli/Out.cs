using Spectre.Console;

namespace Aderencia.Cli;

/// <summary>The console used for reports: rich on a terminal, plain ASCII-free-of-escapes when piped.</summary>
internal static class Out
{
    public static IAnsiConsole Console { get; } = Create();

    private static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = Terminal.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Terminal.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(System.Console.Out),
        });
        if (!Terminal.Interactive) console.Profile.Width = 160;
        return console;
    }

    public static Table Table(params string[] headers)
    {
        var t = new Table().Border(Terminal.Interactive ? TableBorder.Rounded : TableBorder.Simple);
        foreach (var h in headers) t.AddColumn(new TableColumn(Markup.Escape(h)));
        return t;
    }

    public static Table Row(this Table t, params string[] cells)
    {
        t.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Spectre.Console.Text(c)).ToArray());
        return t;
    }
}
