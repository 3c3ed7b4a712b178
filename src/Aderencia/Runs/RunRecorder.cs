namespace Aderencia.Runs;

/// <summary>
/// Records runs without ever failing the command that made them: a registry that cannot be opened or written is
/// reported once on <see cref="Warn"/> and then left alone by this recorder.
/// </summary>
public sealed class RunRecorder(string? target, Action<string>? warn = null)
{
    private int _failed;

    /// <summary>The registry target, or null when recording is off.</summary>
    public string? Target { get; } = target;

    public bool Enabled => Target is not null;

    private Action<string> Warn { get; } = warn ?? (message => Console.Error.WriteLine(message));

    /// <summary>--runs-db / ADERENCIA_RUNS_DB / the default file; off when <paramref name="disabled"/> or ADERENCIA_NO_RUNS=1.</summary>
    public static RunRecorder FromEnvironment(string? runsDb = null, bool disabled = false, Action<string>? warn = null) =>
        new(disabled || RunStores.DisabledByEnvironment ? null : RunStores.ResolveTarget(runsDb), warn);

    /// <summary>Adds <paramref name="run"/> to the registry; false (with a warning the first time) when that failed.</summary>
    public bool Record(RunRecord run)
    {
        if (Target is null || Volatile.Read(ref _failed) != 0) return false;
        try
        {
            using var store = RunStores.Open(Target);
            store.Add(run);
            return true;
        }
        catch (Exception e)
        {
            if (Interlocked.Exchange(ref _failed, 1) == 0)
                Warn($"warning: run not recorded: {e.Message} (set {RunStores.DisableVariable}=1 or pass --no-record to stop recording)");
            return false;
        }
    }
}
