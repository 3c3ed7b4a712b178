namespace Aderencia.Runs;

/// <summary>Which runs to list: the newest first, at most <see cref="Limit"/> (all when null), optionally of one command.</summary>
public sealed record RunQuery(int? Limit = null, string? Command = null);
