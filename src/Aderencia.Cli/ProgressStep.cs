using Spectre.Console;

namespace Aderencia.Cli;

/// <summary>One bar of a <see cref="ProgressView"/>; inert when there are no bars.</summary>
internal sealed class ProgressStep(ProgressTask? task, string name, string unit)
{
    public void Set(double done, double? total = null)
    {
        if (task is null)
        {
            if (Terminal.Verbose && total is { } t) Console.Error.WriteLine($"  {name}: {done:N0}/{t:N0} {unit}");
            return;
        }
        if (total is { } max)
        {
            task.IsIndeterminate = false;
            task.MaxValue = max;
        }
        task.Value = Math.Min(done, task.MaxValue);
    }

    /// <summary>Fills the bar (work may end early, e.g. a fit that converged before its iteration cap).</summary>
    public void Complete()
    {
        if (task is null) return;
        task.IsIndeterminate = false;
        task.Value = task.MaxValue;
        task.StopTask();
    }
}
