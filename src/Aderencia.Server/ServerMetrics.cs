using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Aderencia.Server;

/// <summary>
/// Request counters by route and status, a latency histogram per route, pairs predicted and unhandled errors,
/// kept with Interlocked operations and written in the Prometheus text exposition format (version 0.0.4).
/// </summary>
public sealed class ServerMetrics
{
    /// <summary>Upper bounds of the latency buckets, in seconds (+Inf is implicit).</summary>
    public static readonly double[] Bounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private const int StatusSlots = 600;
    private readonly ConcurrentDictionary<string, RouteCounters> _routes = new(StringComparer.Ordinal);
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private long _pairs;
    private long _errors;
    private long _inFlight;

    private sealed class RouteCounters
    {
        public readonly long[] ByStatus = new long[StatusSlots];
        public readonly long[] Buckets = new long[Bounds.Length + 1];
        public long SumMicros;
    }

    public long PairsTotal => Interlocked.Read(ref _pairs);
    public long ErrorsTotal => Interlocked.Read(ref _errors);

    public void PairsPredicted(int n) => Interlocked.Add(ref _pairs, n);

    public void UnhandledError() => Interlocked.Increment(ref _errors);

    public void Started() => Interlocked.Increment(ref _inFlight);

    /// <summary>Counts one finished request. <paramref name="route"/> is the matched route pattern (a fixed set), or "unmatched".</summary>
    public void Finished(string route, int status, long elapsedTicks)
    {
        Interlocked.Decrement(ref _inFlight);
        var c = _routes.GetOrAdd(route, static _ => new RouteCounters());
        Interlocked.Increment(ref c.ByStatus[(uint)status < StatusSlots ? status : 0]);
        double seconds = (double)elapsedTicks / Stopwatch.Frequency;
        int b = 0;
        while (b < Bounds.Length && seconds > Bounds[b]) b++;
        Interlocked.Increment(ref c.Buckets[b]);
        Interlocked.Add(ref c.SumMicros, (long)(seconds * 1e6));
    }

    /// <summary>Requests counted for one route and status (for tests and the bench).</summary>
    public long Requests(string route, int status) =>
        _routes.TryGetValue(route, out var c) ? Interlocked.Read(ref c.ByStatus[status]) : 0;

    public string Render()
    {
        var sb = new StringBuilder(4096);
        var routes = _routes.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray();
        sb.Append("# HELP aderencia_http_requests_total HTTP requests by route and status code.\n# TYPE aderencia_http_requests_total counter\n");
        foreach (var (route, c) in routes)
            for (int s = 0; s < StatusSlots; s++)
                if (Interlocked.Read(ref c.ByStatus[s]) is var n and > 0)
                    sb.Append(CultureInfo.InvariantCulture, $"aderencia_http_requests_total{{route=\"{Escape(route)}\",status=\"{s}\"}} {n}\n");
        sb.Append("# HELP aderencia_http_request_duration_seconds Time from request start to response end, by route.\n# TYPE aderencia_http_request_duration_seconds histogram\n");
        foreach (var (route, c) in routes)
        {
            string r = Escape(route);
            long cumulative = 0;
            for (int b = 0; b <= Bounds.Length; b++)
            {
                cumulative += Interlocked.Read(ref c.Buckets[b]);
                string le = b < Bounds.Length ? Bounds[b].ToString("R", CultureInfo.InvariantCulture) : "+Inf";
                sb.Append(CultureInfo.InvariantCulture, $"aderencia_http_request_duration_seconds_bucket{{route=\"{r}\",le=\"{le}\"}} {cumulative}\n");
            }
            sb.Append(CultureInfo.InvariantCulture, $"aderencia_http_request_duration_seconds_sum{{route=\"{r}\"}} {Interlocked.Read(ref c.SumMicros) / 1e6:0.######}\n");
            sb.Append(CultureInfo.InvariantCulture, $"aderencia_http_request_duration_seconds_count{{route=\"{r}\"}} {cumulative}\n");
        }
        Counter(sb, "aderencia_pairs_predicted_total", "(thesis, theme) pairs graded.", PairsTotal);
        Counter(sb, "aderencia_errors_total", "Requests that failed with an unhandled error (answered 500).", ErrorsTotal);
        Gauge(sb, "aderencia_http_requests_in_flight", "Requests being served now.", Interlocked.Read(ref _inFlight));
        Gauge(sb, "process_working_set_bytes", "Resident memory of the process.", Environment.WorkingSet);
        Gauge(sb, "dotnet_gc_heap_bytes", "Bytes allocated on the managed heap and still in use.", GC.GetTotalMemory(false));
        Gauge(sb, "process_uptime_seconds", "Seconds since the service started.", Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds);
        return sb.ToString();
    }

    private static void Counter(StringBuilder sb, string name, string help, long value) =>
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}\n");

    private static void Gauge(StringBuilder sb, string name, string help, double value) =>
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value:0.###}\n");

    private static string Escape(string label) => label.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
