using System.Diagnostics;
using Aderencia.Server;
using Microsoft.AspNetCore.TestHost;

namespace Aderencia.Tests.Server;

/// <summary>/metrics read back by a strict parser of the Prometheus text format, with known counts and buckets.</summary>
[Collection(ServedSampleCollection.Name)]
public class MetricsFormatTests(ServedSample served)
{
    private static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);

    [Fact]
    public void Known_requests_give_cumulative_buckets_sum_count_and_escaped_labels()
    {
        var m = new ServerMetrics();
        const string odd = "/we\"ird\\route\n";
        foreach (var (route, status, seconds) in new[] { ("/r", 200, 0.003), ("/r", 200, 0.3), ("/r", 500, 20.0), (odd, 404, 0.0005) })
        {
            m.Started();
            m.Finished(route, status, Ticks(seconds));
        }
        m.Started();
        m.PairsPredicted(7);
        m.UnhandledError();

        var families = PrometheusText.Parse(m.Render());
        Assert.Equal("counter", families["aderencia_http_requests_total"].Type);
        var requests = families["aderencia_http_requests_total"].Samples;
        Assert.Equal(2, requests.Single(s => s.Label("route") == "/r" && s.Label("status") == "200").Value);
        Assert.Equal(1, requests.Single(s => s.Label("route") == "/r" && s.Label("status") == "500").Value);
        Assert.Equal(1, requests.Single(s => s.Label("route") == odd).Value);

        var histogram = families["aderencia_http_request_duration_seconds"];
        Assert.Equal("histogram", histogram.Type);
        var buckets = histogram.Samples.Where(s => s.Name.EndsWith("_bucket") && s.Label("route") == "/r").ToList();
        Assert.Equal([.. ServerMetrics.Bounds.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)), "+Inf"], buckets.Select(b => b.Label("le")));
        Assert.Equal([0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3], buckets.Select(b => b.Value));
        Assert.Equal(20.303, histogram.Samples.Single(s => s.Name.EndsWith("_sum") && s.Label("route") == "/r").Value, 5);
        Assert.Equal(3, histogram.Samples.Single(s => s.Name.EndsWith("_count") && s.Label("route") == "/r").Value);
        Assert.Equal(1, histogram.Samples.Single(s => s.Name.EndsWith("_bucket") && s.Label("route") == odd && s.Label("le") == "0.001").Value);

        Assert.Equal(7, families["aderencia_pairs_predicted_total"].Samples.Single().Value);
        Assert.Equal(1, families["aderencia_errors_total"].Samples.Single().Value);
        Assert.Equal(1, families["aderencia_http_requests_in_flight"].Samples.Single().Value);
        Assert.All(families.Values, f => Assert.False(string.IsNullOrWhiteSpace(f.Help), $"{f.Name} has no HELP"));
    }

    [Fact]
    public async Task Served_metrics_parse_with_the_exposition_content_type()
    {
        var client = served.Open.GetTestClient();
        await client.GetAsync("/healthz");
        await client.GetAsync("/v1/ufs");
        var r = await client.GetAsync("/metrics");
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", r.Content.Headers.ContentType?.ToString());
        var families = PrometheusText.Parse(await r.Content.ReadAsStringAsync());
        var expected = new Dictionary<string, string>
        {
            ["aderencia_http_requests_total"] = "counter",
            ["aderencia_http_request_duration_seconds"] = "histogram",
            ["aderencia_pairs_predicted_total"] = "counter",
            ["aderencia_errors_total"] = "counter",
            ["aderencia_http_requests_in_flight"] = "gauge",
            ["process_working_set_bytes"] = "gauge",
            ["dotnet_gc_heap_bytes"] = "gauge",
            ["process_uptime_seconds"] = "gauge",
        };
        Assert.Equal(expected.OrderBy(e => e.Key), families.Values.Select(f => KeyValuePair.Create(f.Name, f.Type)).OrderBy(e => e.Key));
        Assert.Contains(families["aderencia_http_request_duration_seconds"].Samples, s => s.Label("route") == "/v1/ufs" && s.Label("le") == "+Inf" && s.Value >= 1);
        Assert.True(families["process_working_set_bytes"].Samples.Single().Value > 0);
    }

    [Theory]
    [InlineData("x_total 1\n", "no TYPE")]
    [InlineData("# TYPE x counter\nx -1\n", "must not be negative")]
    [InlineData("# TYPE x counter\nx 1", "line feed")]
    [InlineData("# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na{k=\"v\"} 2\n", "split by another family")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n", "not cumulative")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n", "+Inf")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 1\n", "_count 1 differs")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n", "no _sum")]
    [InlineData("# TYPE g gauge\ng{a=\"x\\q\"} 1\n", "bad escape")]
    [InlineData("# TYPE g gauge\ng 1,5\n", "not a number")]
    [InlineData("# TYPE g gauge\ng 1\ng 2\n", "repeated")]
    public void The_reader_rejects_broken_expositions(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => PrometheusText.Parse(text)).Message);
}
