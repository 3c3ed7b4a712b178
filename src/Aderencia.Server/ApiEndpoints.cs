using System.Diagnostics;
using System.Text.Json;
using Aderencia.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Aderencia.Server;

/// <summary>The routes: the page and its files, /healthz, /metrics, and the JSON API under /v1 (see docs/api.md).</summary>
internal static class ApiEndpoints
{
    public static void Map(WebApplication app, ServeSettings settings)
    {
        var grader = app.Services.GetRequiredService<Grader>();
        var metrics = app.Services.GetRequiredService<ServerMetrics>();
        string card = grader.Model.Card.ToJsonString();
        long started = Stopwatch.GetTimestamp();

        app.MapGet("/", () => Asset("index.html"));
        app.MapGet("/{file}", (string file) => Asset(file));
        app.MapGet("/healthz", () => Results.Json(
            new HealthResponse("ok", grader.Model.Type, grader.Catalog.All.Count, Stopwatch.GetElapsedTime(started).TotalSeconds),
            ServerJsonContext.Api.HealthResponse));
        app.MapGet("/metrics", () => Results.Text(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8"));

        var v1 = app.MapGroup("/v1");
        v1.MapGet("/model", () => Results.Text(card, "application/json; charset=utf-8"));
        v1.MapGet("/ufs", () => Results.Json(
            Ufs.All.Select(u => new UfInfo(u.Name, u.Code, grader.Catalog.CountFor(u.Name))).ToArray(), ServerJsonContext.Api.UfInfoArray));
        v1.MapGet("/themes", (HttpRequest request) =>
        {
            string? uf = request.Query["uf"].FirstOrDefault() is { Length: > 0 } u ? ThesisReader.ResolveUf(u) : null;
            var themes = uf is null ? grader.Catalog.All : grader.Catalog.ForUf(uf);
            var infos = themes.Select(t => new ThemeInfo(t.Id, t.Name, t.Uf, Ufs.CodeOf(t.Uf) ?? "", t.MacroTheme, t.Keywords)).ToArray();
            return Results.Json(new ThemesResponse(uf, infos.Length, infos), ServerJsonContext.Api.ThemesResponse);
        });
        v1.MapPost("/map", async (HttpContext ctx) =>
        {
            bool justify = Justify(ctx.Request);
            using var doc = await JsonBody.ReadAsync(ctx.Request, settings.MaxBodyBytes, ctx.RequestAborted);
            var thesis = ThesisReader.Read(doc.RootElement, fallbackId: "");
            var result = await grader.MapAsync(thesis, justify, ctx.RequestAborted);
            return Results.Json(result, ServerJsonContext.Api.MapResponse);
        });
        v1.MapPost("/pairs", async (HttpContext ctx) =>
        {
            bool justify = Justify(ctx.Request);
            using var doc = await JsonBody.ReadAsync(ctx.Request, settings.MaxBodyBytes, ctx.RequestAborted);
            var pairs = ReadPairs(doc.RootElement, grader.Catalog, settings.MaxPairs);
            var result = await grader.PairsAsync(pairs, justify, ctx.RequestAborted);
            return Results.Json(result, ServerJsonContext.Api.PairsResponse);
        });
    }

    private static IResult Asset(string file) =>
        StaticAssets.TryGet(file, out var bytes, out var type)
            ? Results.Bytes(bytes, type)
            : throw new ApiProblemException(StatusCodes.Status404NotFound, "Not found", $"no page or file '{file}' here; the page is at /, the API under /v1 (see /openapi.json)");

    /// <summary>?justify=false skips justifications and evidence (faster); anything but true/false/1/0 is refused.</summary>
    private static bool Justify(HttpRequest request)
    {
        var v = request.Query["justify"].FirstOrDefault();
        return v switch
        {
            null or "" or "true" or "1" => true,
            "false" or "0" => false,
            _ => throw ApiProblemException.BadRequest($"justify must be true or false, got '{v}'"),
        };
    }

    /// <summary>{"pairs": [...]} or a bare array; each item is a thesis (challenge column names) plus tema_id.</summary>
    private static List<Pair> ReadPairs(JsonElement root, ThemeCatalog catalog, int maxPairs)
    {
        var items = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("pairs", out var p) ? p : root;
        if (items.ValueKind != JsonValueKind.Array)
            throw ApiProblemException.BadRequest("expected {\"pairs\": [...]} (or a JSON array) of objects with the thesis fields and tema_id");
        int n = items.GetArrayLength();
        if (n == 0) throw ApiProblemException.BadRequest("the batch has no pairs");
        if (n > maxPairs) throw ApiProblemException.TooLarge($"the batch has {n:N0} pairs; the limit is {maxPairs:N0} per request: split it");
        var pairs = new List<Pair>(n);
        int i = 0;
        foreach (var item in items.EnumerateArray())
        {
            string where = $"pairs[{i}]: ";
            var thesis = ThesisReader.Read(item, fallbackId: $"#{i}", where);
            int id = ThesisReader.ThemeId(item, where);
            var theme = catalog.Find(id) ?? throw ApiProblemException.BadRequest(
                $"{where}unknown tema_id {id}: the loaded themes have ids {catalog.All[0].Id} to {catalog.All[^1].Id} (see GET /v1/themes)");
            pairs.Add(new Pair(thesis, theme));
            i++;
        }
        return pairs;
    }
}
