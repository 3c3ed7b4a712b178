namespace Aderencia.Server;

/// <summary>How the service listens and what it accepts. Defaults are the documented limits (docs/api.md).</summary>
public sealed record ServeSettings
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Semicolon-separated listen addresses; port 0 picks a free port.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>When set, every /v1 call must send it as X-Api-Key or Authorization: Bearer.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Largest request body accepted (413 above it): room for a full batch of challenge rows (~5 KiB each).</summary>
    public long MaxBodyBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Most pairs in one POST /v1/pairs (413 above it).</summary>
    public int MaxPairs { get; init; } = 1000;

    /// <summary>A request still running after this answers 504.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long Ctrl+C (or StopAsync) waits for requests in flight before cutting them; new connections are refused at once.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Requests graded at once; the rest wait. Defaults to the core count (the work is CPU-bound).</summary>
    public int Concurrency { get; init; } = Environment.ProcessorCount;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Urls)) throw new ArgumentException("--urls is empty; give e.g. http://127.0.0.1:5080");
        if (ApiKey is { } k && k.Trim().Length == 0) throw new ArgumentException("the API key is blank; unset ADERENCIA_API_KEY or give a real key");
        if (MaxBodyBytes < 1024) throw new ArgumentException($"the body limit {MaxBodyBytes} bytes is too small (at least 1024)");
        if (MaxPairs < 1) throw new ArgumentException("the pairs limit must be at least 1");
        if (Concurrency < 1) throw new ArgumentException("concurrency must be at least 1");
        if (RequestTimeout <= TimeSpan.Zero) throw new ArgumentException("the request timeout must be positive");
        if (ShutdownTimeout < TimeSpan.Zero) throw new ArgumentException("the shutdown timeout must not be negative");
    }
}
