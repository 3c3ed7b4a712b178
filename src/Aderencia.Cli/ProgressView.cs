using Spectre.Console;

namespace Aderencia.Cli;

/// <summary>
/// Progress of long work on stderr: Spectre bars with rate and ETA when stderr is a terminal, plain status lines with
/// ADERENCIA_VERBOSE=1, nothing when piped. Stdout is never touched, so reports stay parseable.
/// </summary>
internal sealed class ProgressView
{
    private readonly ProgressContext? _bars;
    private readonly IAnsiConsole? _console;
    private readonly ProgressRateColumn? _rates;

    private ProgressView(ProgressContext? bars, IAnsiConsole? console, ProgressRateColumn? rates)
    {
        _bars = bars;
        _console = console;
        _rates = rates;
    }

    private static bool BarsWanted => Terminal.ErrorInteractive && !Terminal.Verbose;

    /// <summary>Runs <paramref name="work"/> with a view; the bars are drawn for its duration and left on screen when done.</summary>
    public static T Run<T>(Func<ProgressView, T> work)
    {
        if (!BarsWanted) return work(new ProgressView(null, null, null));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var rates = new ProgressRateColumn();
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), rates, new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx => work(new ProgressView(ctx, console, rates)));
    }

    /// <summary>A bar for <paramref name="total"/> units (a spinner while the total is unknown, i.e. null).</summary>
    public ProgressStep Step(string name, double? total, string unit)
    {
        if (_bars is null) return new ProgressStep(null, name, unit);
        var task = _bars.AddTask(Markup.Escape(name), autoStart: true, maxValue: total ?? 1);
        task.IsIndeterminate = total is null;
        _rates!.Units[task.Id] = unit;
        return new ProgressStep(task, name, unit);
    }

    /// <summary>A line above the bars, or a status line (see <see cref="Terminal.Status"/>).</summary>
    public void Log(string message)
    {
        if (_console is not null) _console.WriteLine(message);
        else Terminal.Status(message);
    }
}
