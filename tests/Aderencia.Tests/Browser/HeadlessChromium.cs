using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aderencia.Tests.Browser;

/// <summary>
/// Debian's chromium, headless, driven over the Chrome DevTools Protocol on a WebSocket (no driver download):
/// open a page, evaluate script, type text, take a screenshot.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly string _profile;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>$CHROMIUM, else chromium on the PATH; null when there is none.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } env && File.Exists(env)) return env;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in new[] { "chromium", "chromium-browser" })
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        return null;
    }

    public static async Task<HeadlessChromium> OpenAsync(string executable, string url, CancellationToken ct)
    {
        string profile = Path.Combine(Path.GetTempPath(), "aderencia-chromium", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var psi = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                     "--remote-debugging-port=0", "--window-size=1280,1400", $"--user-data-dir={profile}", url })
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {executable}");
        var browser = new HeadlessChromium(process, profile);
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        string? endpoint = null;
        while (endpoint is null && await process.StandardError.ReadLineAsync(ct) is { } line)
            if (line.Contains("DevTools listening on ")) endpoint = line[(line.IndexOf("ws://", StringComparison.Ordinal))..].Trim();
        if (endpoint is null) throw new InvalidOperationException($"{executable} exited without opening the DevTools port");
        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var http = new Uri(endpoint.Replace("ws://", "http://"));
        using var client = new HttpClient();
        string? pageSocket = null;
        for (int tries = 0; pageSocket is null && tries < 100; tries++)
        {
            var targets = JsonNode.Parse(await client.GetStringAsync($"http://{http.Authority}/json/list", ct))!.AsArray();
            pageSocket = targets.FirstOrDefault(t => (string?)t!["type"] == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
            if (pageSocket is null) await Task.Delay(100, ct);
        }
        await browser._socket.ConnectAsync(new Uri(pageSocket ?? throw new InvalidOperationException("chromium opened no page")), ct);
        return browser;
    }

    public async Task<JsonNode?> SendAsync(string method, JsonObject? parameters, CancellationToken ct)
    {
        int id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, ct);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var ms = new MemoryStream();
            WebSocketReceiveResult r;
            do
            {
                r = await _socket.ReceiveAsync(buffer, ct);
                ms.Write(buffer, 0, r.Count);
            } while (!r.EndOfMessage);
            var reply = JsonNode.Parse(ms.ToArray())!;
            if ((int?)reply["id"] != id) continue;
            if (reply["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
            return reply["result"];
        }
    }

    /// <summary>Evaluates a script expression in the page and returns its JSON value.</summary>
    public async Task<JsonNode?> EvalAsync(string expression, CancellationToken ct)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, ct);
        if (result?["exceptionDetails"] is { } ex) throw new InvalidOperationException($"script failed: {ex.ToJsonString()}");
        return result?["result"]?["value"];
    }

    /// <summary>Polls <paramref name="condition"/> until it is true; fails with <paramref name="what"/> after 30 s.</summary>
    public async Task WaitForAsync(string condition, string what, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (!(await EvalAsync($"!!({condition})", ct))!.GetValue<bool>())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"the page never showed {what}");
            await Task.Delay(100, ct);
        }
    }

    /// <summary>Focuses an element and types into it as a keyboard would.</summary>
    public async Task TypeAsync(string elementId, string text, CancellationToken ct)
    {
        await EvalAsync($"document.getElementById('{elementId}').focus()", ct);
        await SendAsync("Input.insertText", new JsonObject { ["text"] = text }, ct);
    }

    public async Task ScreenshotAsync(string path, CancellationToken ct)
    {
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }, ct);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot!["data"]!.GetValue<string>()), ct);
    }

    public async ValueTask DisposeAsync()
    {
        try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None); } catch (WebSocketException) { }
        _socket.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
