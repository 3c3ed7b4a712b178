namespace Aderencia.Models;

/// <summary>A model file that cannot be used: foreign, too new, truncated or damaged. The message says what to do.</summary>
public sealed class ModelFormatException(string path, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Path { get; } = path;
}
