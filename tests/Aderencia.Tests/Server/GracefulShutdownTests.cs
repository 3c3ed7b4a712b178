using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Aderencia.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Aderencia.Tests.Server;

/// <summary>
/// StopAsync on a real Kestrel (127.0.0.1, a free port): listening stops at once, a request in flight still gets its
/// answer, and one held past the shutdown timeout is cut so the service does exit.
/// </summary>
[Collection(ServedSampleCollection.Name)]
public class GracefulShutdownTests(ServedSample served)
{
    private const string HoldHeader = "X-Test-Hold";

    /// <summary>Holds each request that carries <see cref="HoldHeader"/> before the server's own pipeline until released.</summary>
    private sealed class Gate : IStartupFilter
    {
        public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext ctx, RequestDelegate rest) =>
            {
                if (ctx.Request.Headers.ContainsKey(HoldHeader))
                {
                    Arrived.TrySetResult();
                    await Release.Task.WaitAsync(ctx.RequestAborted);
                }
                await rest(ctx);
            });
            next(app);
        };
    }

    private (WebApplication App, Gate Gate) Start(TimeSpan shutdownTimeout)
    {
        var gate = new Gate();
        var app = AderenciaServer.Build(served.Sample.Model, served.Themes,
            new ServeSettings { Urls = "http://127.0.0.1:0", ShutdownTimeout = shutdownTimeout },
            b => b.Services.AddSingleton<IStartupFilter>(gate));
        return (app, gate);
    }

    private HttpRequestMessage HeldPairsRequest(string url, int pairs)
    {
        var test = served.Sample.Parts.Test.Take(pairs).ToList();
        var items = test.Select((p, i) => { var row = served.ChallengeRow(i); row["tema_id"] = p.Theme.Id; return row; }).ToList();
        return new HttpRequestMessage(HttpMethod.Post, url + "/v1/pairs")
        {
            Content = ServedSample.Json(new { pairs = items }),
            Headers = { { HoldHeader, "1" } },
        };
    }

    private static async Task<bool> Refuses(Uri url)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, url.Port);
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
    }

    /// <summary>Waits (a bounded while) for the listener to close: StopAsync unbinds it asynchronously.</summary>
    private static async Task WaitUntilRefused(Uri url)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); !await Refuses(url); await Task.Delay(20))
            Assert.True(DateTime.UtcNow < deadline, $"{url} still accepts connections after StopAsync");
    }

    [Fact]
    public async Task Stop_refuses_new_connections_and_answers_the_request_in_flight()
    {
        var (app, gate) = Start(TimeSpan.FromSeconds(60));
        await using var _ = app;
        await app.StartAsync();
        var url = new Uri(app.Urls.Single());
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url + "healthz")).StatusCode);

        var inFlight = http.SendAsync(HeldPairsRequest(url.ToString().TrimEnd('/'), 8));
        await gate.Arrived.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var stopping = app.StopAsync();
        await WaitUntilRefused(url);
        Assert.False(stopping.IsCompleted, "StopAsync returned while a request was still in flight");
        Assert.False(inFlight.IsCompleted);

        gate.Release.SetResult();
        var response = await inFlight;
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(8, JsonDocument.Parse(body).RootElement.GetProperty("count").GetInt32());
        await stopping.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(await Refuses(url));
    }

    [Fact]
    public async Task Stop_cuts_a_request_held_past_the_shutdown_timeout()
    {
        var (app, gate) = Start(TimeSpan.FromMilliseconds(200));
        await using var _ = app;
        await app.StartAsync();
        var url = new Uri(app.Urls.Single());
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };

        var inFlight = http.SendAsync(HeldPairsRequest(url.ToString().TrimEnd('/'), 2));
        await gate.Arrived.Task.WaitAsync(TimeSpan.FromMinutes(1));
        // The request is never released, so StopAsync returns only because the 200 ms limit cuts it; the 10 s bound is
        // far above that and far below the host's own 30 s default, which is what it would wait were the setting ignored.
        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => inFlight);
        Assert.True(await Refuses(url));
    }
}
