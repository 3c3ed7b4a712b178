namespace Aderencia.Runs;

/// <summary>The runs registry cannot be opened, created or written; the message names the store and what to do.</summary>
public sealed class RunStoreException(string message, Exception? inner = null) : Exception(message, inner);
