using System.Collections.Concurrent;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Aderencia.Cli;

/// <summary>Units per second of each task, e.g. "1,234 pairs/s".</summary>
internal sealed class ProgressRateColumn : ProgressColumn
{
    public ConcurrentDictionary<int, string> Units { get; } = new();

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var speed = task.Speed;
        if (speed is null || task.IsIndeterminate) return new Spectre.Console.Text("");
        Units.TryGetValue(task.Id, out var unit);
        return new Spectre.Console.Text($"{speed.Value:N0} {unit}/s", new Style(Color.Grey));
    }
}
