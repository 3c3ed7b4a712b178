using System.Net.Http.Json;
using System.Text.Json;
using Aderencia.Server;
using Aderencia.Tests.Server;
using Microsoft.AspNetCore.Builder;

namespace Aderencia.Tests.Browser;

/// <summary>The web page in a real browser against a real Kestrel on 127.0.0.1: fill a thesis, submit, see ranked themes and highlights.</summary>
[Collection(ServedSampleCollection.Name)]
public class MapPageTests(ServedSample served)
{
    public static string ScreenshotPath => Path.Combine(TestPaths.RepoRoot, "TestResults", "browser", "map.png");

    [ChromiumFact]
    public async Task Page_maps_a_thesis_and_highlights_the_evidence_in_the_abstract()
    {
        string chromium = HeadlessChromium.Find() ?? throw new InvalidOperationException("CI=true but no chromium on PATH: install it (apt-get install chromium)");
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var app = AderenciaServer.Build(served.Sample.Model, served.Themes, new ServeSettings { Urls = "http://127.0.0.1:0" });
        await app.StartAsync(ct);
        string url = app.Urls.First();

        var (thesis, expectedThemes) = await PickThesisWithHighlights(url, ct);
        await using var browser = await HeadlessChromium.OpenAsync(chromium, url + "/", ct);
        await browser.WaitForAsync("document.querySelectorAll('#uf option').length > 1", "the list of states", ct);
        await browser.TypeAsync("title", thesis.Title, ct);
        await browser.EvalAsync($"document.getElementById('uf').value = {JsonSerializer.Serialize(Aderencia.Domain.Ufs.CodeOf(thesis.Uf))}", ct);
        await browser.TypeAsync("abstract", thesis.Abstract, ct);
        await browser.TypeAsync("keywords", string.Join("; ", thesis.Keywords), ct);
        await browser.EvalAsync("document.getElementById('submit').click()", ct);
        await browser.WaitForAsync("!document.getElementById('results').hidden", "the results table", ct);
        await browser.ScreenshotAsync(ScreenshotPath, ct);

        int rows = (await browser.EvalAsync("document.querySelectorAll('#results tbody tr').length", ct))!.GetValue<int>();
        int marks = (await browser.EvalAsync("document.querySelectorAll('#abstract-view mark').length", ct))!.GetValue<int>();
        string firstBadge = (await browser.EvalAsync("document.querySelector('#results tbody .badge').textContent", ct))!.GetValue<string>();
        string status = (await browser.EvalAsync("document.getElementById('status').textContent", ct))!.GetValue<string>();
        Assert.Equal(expectedThemes, rows);
        Assert.True(marks > 0, "no word of the abstract was highlighted");
        Assert.Contains(firstBadge, new[] { "ALTA", "MÉDIA" });
        Assert.Contains($"{expectedThemes} temas", status);
        await app.StopAsync(ct);
    }

    /// <summary>The first test-part thesis whose MÉDIA/ALTA themes cite a word found in its abstract (so highlights must appear).</summary>
    private async Task<(Aderencia.Domain.Production Thesis, int Themes)> PickThesisWithHighlights(string url, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        foreach (var thesis in served.Sample.Parts.Test.Select(p => p.Production).DistinctBy(p => p.Id).Where(p => p.Abstract.Length > 0).Take(40))
        {
            var r = await http.PostAsJsonAsync("/v1/map", new { nome_producao = thesis.Title, sigla_uf = thesis.Uf, descricao_resumo = thesis.Abstract,
                descricao_palavra_chave = string.Join("; ", thesis.Keywords) }, ct);
            var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync(ct)).RootElement;
            var temas = body.GetProperty("temas").EnumerateArray().ToList();
            bool cited = temas.Where(t => t.GetProperty("nivel").GetString() != "BAIXA")
                .SelectMany(t => t.GetProperty("evidencias").GetProperty("destaques").EnumerateArray())
                .Any(d => thesis.Abstract.Contains(d.GetString()!, StringComparison.OrdinalIgnoreCase));
            if (cited) return (thesis, temas.Count);
        }
        throw new InvalidOperationException("no test thesis has evidence in its abstract");
    }
}
