using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Aderencia.Data;
using Aderencia.Domain;
using Aderencia.Pipeline;
using Aderencia.Server;
using Aderencia.Splits;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Aderencia.Bench;

/// <summary>
/// Load on POST /v1/map: the server in-process on 127.0.0.1 with the sample model, a fixed number of connections
/// each posting test-part theses in rotation for a fixed time, with justifications and without (?justify=false).
/// The load generator shares the machine's cores with the server, so the rates are a floor.
/// </summary>
internal static class ServeBench
{
    public static int Run(string[] args)
    {
        var (seconds, connections) = Parse(args);
        Console.Error.WriteLine("training the sample model...");
        var data = ChallengeDataset.Load(SampleData.PairsPath);
        var parts = DataParts.From(data, SplitProtocol.Grouped, SplitProtocols.DefaultSeed);
        var model = AdherenceModel.Train(parts.Train, parts.Eval, new TrainOptions());
        var themes = ThemeTable.Load(SampleData.ThemesPath);
        var bodies = parts.Test.Select(p => p.Production).DistinctBy(p => p.Id).Select(Body).ToArray();

        var app = AderenciaServer.Build(model, themes, new ServeSettings { Urls = "http://127.0.0.1:0" }, b => b.Logging.ClearProviders());
        app.StartAsync().GetAwaiter().GetResult();
        try
        {
            string url = app.Urls.First();
            var table = new MarkdownTable("endpoint", "connections", "seconds", "requests", "req/s", "p50", "p90", "p99", "errors",
                "working set before → after", "GC heap before → after");
            foreach (var (label, path) in new[] { ("POST /v1/map", "/v1/map"), ("POST /v1/map?justify=false", "/v1/map?justify=false") })
            {
                Console.Error.WriteLine($"{label}: warm-up, then {seconds} s with {connections} connections...");
                Drive(url + path, bodies, connections, TimeSpan.FromSeconds(2));
                var before = Memory();
                var r = Drive(url + path, bodies, connections, TimeSpan.FromSeconds(seconds));
                var after = Memory();
                table.Add(label, connections.ToString(CultureInfo.InvariantCulture), seconds.ToString(CultureInfo.InvariantCulture), Format.Count(r.Latencies.Length),
                    Format.Count(r.Latencies.Length / r.Seconds), Ms(r.Percentile(0.50)), Ms(r.Percentile(0.90)), Ms(r.Percentile(0.99)), Format.Count(r.Errors),
                    $"{Format.MiB(before.WorkingSet)} → {Format.MiB(after.WorkingSet)}", $"{Format.MiB(before.Heap)} → {Format.MiB(after.Heap)}");
            }
            Console.WriteLine($"{bodies.Length} sample theses in rotation, {Environment.ProcessorCount} cores shared by server and load generator.\n");
            Console.WriteLine(table);
        }
        finally
        {
            app.StopAsync().GetAwaiter().GetResult();
        }
        return 0;
    }

    private sealed record LoadResult(double[] Latencies, long Errors, double Seconds)
    {
        public double Percentile(double q) => Latencies.Length == 0 ? double.NaN : Latencies[Math.Min(Latencies.Length - 1, (int)(q * Latencies.Length))];
    }

    /// <summary>Each connection posts bodies in rotation until the time is up; latencies in milliseconds, sorted.</summary>
    private static LoadResult Drive(string url, byte[][] bodies, int connections, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false });
        var perWorker = new List<double>[connections];
        long errors = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var mine = perWorker[w] = new List<double>(1 << 14);
            for (int i = w; clock.Elapsed < duration; i += connections)
            {
                long start = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(bodies[i % bodies.Length]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                try
                {
                    using var response = await http.PostAsync(url, content);
                    await response.Content.CopyToAsync(Stream.Null);
                    if (!response.IsSuccessStatusCode)
                    {
                        if (Interlocked.Increment(ref errors) <= 3)
                            Console.Error.WriteLine($"error: HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                }
                catch (HttpRequestException e)
                {
                    if (Interlocked.Increment(ref errors) <= 3) Console.Error.WriteLine($"error: {e.Message}");
                }
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })).ToArray();
        Task.WaitAll(workers);
        double elapsed = clock.Elapsed.TotalSeconds;
        var all = perWorker.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(all, errors, elapsed);
    }

    private static (long WorkingSet, long Heap) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        return (self.WorkingSet64, GC.GetTotalMemory(false));
    }

    private static byte[] Body(Production p) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
    {
        [ChallengeColumns.HashId] = p.Id,
        [ChallengeColumns.Titulo] = p.Title,
        [ChallengeColumns.UfPesquisador] = p.Uf,
        [ChallengeColumns.Resumo] = p.Abstract,
        [ChallengeColumns.PalavraChave] = string.Join("; ", p.Keywords),
        [ChallengeColumns.Abstract] = p.AbstractEn,
        [ChallengeColumns.Keyword] = string.Join("; ", p.KeywordsEn),
        [ChallengeColumns.Programa] = p.Program,
        [ChallengeColumns.LinhaPesquisa] = p.ResearchLine,
        [ChallengeColumns.AreaConcentracao] = p.ConcentrationArea,
        [ChallengeColumns.Area] = p.KnowledgeArea,
        [ChallengeColumns.GrandeArea] = p.GreatArea,
    });

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";

    private static (int Seconds, int Connections) Parse(string[] args)
    {
        int seconds = 30, connections = 16;
        for (int i = 0; i < args.Length; i += 2)
        {
            if (args[i] is not ("--seconds" or "--connections")) throw new ArgumentException($"unknown option '{args[i]}'; use --seconds N --connections N");
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n <= 0)
                throw new ArgumentException($"{args[i]} needs a positive whole number");
            if (args[i] == "--seconds") seconds = n;
            else connections = n;
        }
        return (seconds, connections);
    }
}
