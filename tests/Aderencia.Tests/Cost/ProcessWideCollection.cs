namespace Aderencia.Tests.Cost;

/// <summary>Tests that read process-wide CPU time and memory, so nothing else may run beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "process-wide cost measurements";
}
