using System.Net;
using System.Text.Json;
using Aderencia.Domain;
using Aderencia.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Aderencia.Tests.Server;

[Collection(ServedSampleCollection.Name)]
public class ServerApiTests(ServedSample served)
{
    private readonly HttpClient _open = served.Open.GetTestClient();

    private static async Task<JsonElement> Body(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> Problem(HttpResponseMessage r, HttpStatusCode status)
    {
        string text = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == status, $"expected {(int)status}, got {(int)r.StatusCode}: {text}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text);
        var p = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, p.GetProperty("status").GetInt32());
        return p;
    }

    [Fact]
    public async Task Map_grades_every_theme_of_the_state_as_the_model_does_ranked_by_adherence()
    {
        var row = served.ChallengeRow();
        var r = await _open.PostAsync("/v1/map", ServedSample.Json(row));
        var body = await Body(r);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        var thesis = served.Sample.Parts.Test[0].Production;
        var themes = served.Themes.Where(t => t.Uf == thesis.Uf).ToList();
        var expected = served.Sample.Model.Score(themes.Select(t => new Pair(thesis, t)).ToList(), 1);
        var temas = body.GetProperty("temas").EnumerateArray().ToList();
        Assert.Equal(thesis.Uf, body.GetProperty("uf").GetString());
        Assert.Equal(thesis.Id, body.GetProperty("hash_id").GetString());
        Assert.Equal(themes.Count, temas.Count);
        Assert.Equal(Enumerable.Range(1, temas.Count), temas.Select(t => t.GetProperty("rank").GetInt32()));
        var keys = temas.Select(t => (int)AdherenceLevels.Parse(t.GetProperty("nivel").GetString()!) * 4 + t.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(keys.OrderDescending(), keys);
        foreach (var t in temas)
        {
            int k = themes.FindIndex(x => x.Id == t.GetProperty("tema_id").GetInt32());
            Assert.Equal(expected.Levels[k].ChallengeLabel(), t.GetProperty("nivel").GetString());
            Assert.Equal(expected.Row(k)[2], t.GetProperty("prob_alta").GetSingle());
            string why = served.Sample.Model.Justify(new Pair(thesis, themes[k]), expected.Levels[k], themes);
            Assert.Equal(why, t.GetProperty("justificativa").GetString());
        }
    }

    [Fact]
    public async Task Evidence_cites_only_words_of_the_thesis()
    {
        var r = await _open.PostAsync("/v1/map", ServedSample.Json(served.ChallengeRow(5)));
        var body = await Body(r);
        var thesis = served.Sample.Parts.Test[5].Production;
        string text = string.Join(' ', thesis.Title, thesis.Abstract, string.Join(' ', thesis.Keywords), thesis.AbstractEn,
            string.Join(' ', thesis.KeywordsEn), thesis.Program, thesis.ResearchLine, thesis.ConcentrationArea, thesis.Project,
            thesis.KnowledgeArea, thesis.GreatArea, thesis.Subarea, thesis.Specialty).ToLowerInvariant();
        var cited = body.GetProperty("temas").EnumerateArray().SelectMany(t => t.GetProperty("evidencias").GetProperty("termos_a_favor").EnumerateArray())
            .Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(cited);
        Assert.All(cited, w => Assert.Contains(w, text));
        Assert.Contains(body.GetProperty("temas").EnumerateArray(), t => t.GetProperty("evidencias").GetProperty("destaques").GetArrayLength() > 0);
    }

    [Fact]
    public async Task State_by_code_by_name_or_in_lower_case_gives_the_same_answer()
    {
        var row = served.ChallengeRow(2);
        string uf = (string)row["uf_pesquisador"]!;
        var answers = new List<string>();
        foreach (var spelling in new[] { uf, Ufs.CodeOf(uf)!, uf.ToLowerInvariant() })
        {
            row.Remove("uf_pesquisador");
            row["sigla_uf"] = spelling;
            answers.Add(await (await _open.PostAsync("/v1/map?justify=false", ServedSample.Json(row))).Content.ReadAsStringAsync());
        }
        Assert.Contains("\"temas\"", answers[0]);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
    }

    [Fact]
    public async Task Justify_false_leaves_out_justification_and_evidence_and_a_bad_value_is_refused()
    {
        var body = await Body(await _open.PostAsync("/v1/map?justify=false", ServedSample.Json(served.ChallengeRow())));
        Assert.False(body.GetProperty("justified").GetBoolean());
        Assert.All(body.GetProperty("temas").EnumerateArray(), t =>
        {
            Assert.Equal(JsonValueKind.Null, t.GetProperty("justificativa").ValueKind);
            Assert.Equal(JsonValueKind.Null, t.GetProperty("evidencias").ValueKind);
        });
        var p = await Problem(await _open.PostAsync("/v1/map?justify=maybe", ServedSample.Json(served.ChallengeRow())), HttpStatusCode.BadRequest);
        Assert.Contains("justify", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Pairs_predict_in_input_order_like_the_model()
    {
        var test = served.Sample.Parts.Test.Take(12).ToList();
        var items = test.Select((p, i) => { var row = served.ChallengeRow(i); row["tema_id"] = p.Theme.Id; return row; }).ToList();
        var r = await _open.PostAsync("/v1/pairs", ServedSample.Json(new { pairs = items }));
        var body = await Body(r);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var expected = served.Sample.Model.Score(test.Select(p => p.Pair).ToList(), 1);
        var got = body.GetProperty("previsoes").EnumerateArray().ToList();
        Assert.Equal(12, body.GetProperty("count").GetInt32());
        for (int i = 0; i < test.Count; i++)
        {
            Assert.Equal(i, got[i].GetProperty("index").GetInt32());
            Assert.Equal(test[i].Theme.Id, got[i].GetProperty("tema_id").GetInt32());
            Assert.Equal(test[i].Production.Id, got[i].GetProperty("hash_id").GetString());
            Assert.Equal(expected.Levels[i].ChallengeLabel(), got[i].GetProperty("nivel").GetString());
            Assert.StartsWith(expected.Levels[i].Label() + ":", got[i].GetProperty("justificativa").GetString());
        }
    }

    [Fact]
    public async Task Batch_over_the_limit_is_413_and_empty_or_unknown_tema_id_is_400()
    {
        var client = Locked();
        var row = new Dictionary<string, object?> { ["nome_producao"] = "T", ["sigla_uf"] = "AC", ["descricao_resumo"] = "floresta", ["tema_id"] = served.Themes.First(t => t.Uf == "ACRE").Id };
        var over = await Problem(await client.PostAsync("/v1/pairs", ServedSample.Json(new { pairs = Enumerable.Repeat(row, ServedSample.SmallMaxPairs + 1) })),
            HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains($"limit is {ServedSample.SmallMaxPairs}", over.GetProperty("detail").GetString());
        await Problem(await client.PostAsync("/v1/pairs", ServedSample.Json(new { pairs = Array.Empty<object>() })), HttpStatusCode.BadRequest);
        var unknown = new Dictionary<string, object?>(row) { ["tema_id"] = 987654 };
        var p = await Problem(await _open.PostAsync("/v1/pairs", ServedSample.Json(new[] { row, unknown })), HttpStatusCode.BadRequest);
        Assert.Contains("pairs[1]: unknown tema_id 987654", p.GetProperty("detail").GetString());
        var noTheme = new Dictionary<string, object?>(row);
        noTheme.Remove("tema_id");
        p = await Problem(await _open.PostAsync("/v1/pairs", ServedSample.Json(new { pairs = new[] { noTheme } })), HttpStatusCode.BadRequest);
        Assert.Contains("pairs[0]: missing required field: tema_id", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Invalid_json_and_empty_body_are_400_problems()
    {
        var p = await Problem(await _open.PostAsync("/v1/map", new StringContent("{\"nome_producao\": ", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.StartsWith("the body is not valid JSON", p.GetProperty("detail").GetString());
        p = await Problem(await _open.PostAsync("/v1/map", new StringContent("")), HttpStatusCode.BadRequest);
        Assert.Contains("empty", p.GetProperty("detail").GetString());
        p = await Problem(await _open.PostAsync("/v1/map", ServedSample.Json(new[] { 1, 2 })), HttpStatusCode.BadRequest);
        Assert.Contains("expected a JSON object", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_fields_are_named()
    {
        var p = await Problem(await _open.PostAsync("/v1/map", ServedSample.Json(new { descricao_resumo = "x" })), HttpStatusCode.BadRequest);
        var missing = p.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal(["nome_producao", "uf_pesquisador (or sigla_uf)"], missing);
        p = await Problem(await _open.PostAsync("/v1/map", ServedSample.Json(new { nome_producao = "T", sigla_uf = "AC", descricao_resumo = "NÃO SE APLICA" })), HttpStatusCode.BadRequest);
        Assert.Contains("descricao_resumo or descricao_palavra_chave", p.GetProperty("detail").GetString());
        p = await Problem(await _open.PostAsync("/v1/map", ServedSample.Json(new { nome_producao = new { a = 1 }, sigla_uf = "AC", descricao_resumo = "x" })), HttpStatusCode.BadRequest);
        Assert.Equal("nome_producao must be a string (or a list of strings), got an object", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_state_is_400_and_a_state_without_themes_is_422()
    {
        var p = await Problem(await _open.PostAsync("/v1/map", ServedSample.Json(new { nome_producao = "T", sigla_uf = "XX", descricao_resumo = "água" })), HttpStatusCode.BadRequest);
        Assert.Contains("unknown UF 'XX'", p.GetProperty("detail").GetString());
        p = await Problem(await Locked().PostAsync("/v1/map", ServedSample.Json(new { nome_producao = "T", sigla_uf = "SP", descricao_resumo = "água" })),
            (HttpStatusCode)422);
        Assert.Contains("no themes for SÃO PAULO; states with themes: ACRE, BAHIA", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Body_over_the_size_limit_is_413()
    {
        var big = new { nome_producao = "T", sigla_uf = "AC", descricao_resumo = new string('a', (int)ServedSample.SmallMaxBody) };
        var p = await Problem(await Locked().PostAsync("/v1/map", ServedSample.Json(big)), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains($"limit is {ServedSample.SmallMaxBody:N0} bytes", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Themes_lists_a_state_or_all_and_refuses_an_unknown_state()
    {
        var body = await Body(await _open.GetAsync("/v1/themes?uf=AC"));
        int acre = served.Themes.Count(t => t.Uf == "ACRE");
        Assert.Equal("ACRE", body.GetProperty("uf").GetString());
        Assert.Equal(acre, body.GetProperty("count").GetInt32());
        Assert.All(body.GetProperty("temas").EnumerateArray(), t => Assert.Equal("AC", t.GetProperty("sigla").GetString()));
        Assert.Equal(served.Themes.Count, (await Body(await _open.GetAsync("/v1/themes"))).GetProperty("count").GetInt32());
        await Problem(await _open.GetAsync("/v1/themes?uf=Atlantis"), HttpStatusCode.BadRequest);

        var ufs = (await Body(await _open.GetAsync("/v1/ufs"))).EnumerateArray().ToList();
        Assert.Equal(27, ufs.Count);
        Assert.Equal(served.Themes.Count, ufs.Sum(u => u.GetProperty("temas").GetInt32()));
        Assert.Equal(acre, ufs.Single(u => u.GetProperty("sigla").GetString() == "AC").GetProperty("temas").GetInt32());
    }

    [Fact]
    public async Task Model_card_and_health()
    {
        var card = await Body(await _open.GetAsync("/v1/model"));
        Assert.Equal(served.Sample.Model.Type, card.GetProperty("type").GetString());
        Assert.Equal(served.Sample.Model.Card["train_pairs"]!.GetValue<int>(), card.GetProperty("train_pairs").GetInt32());
        var health = await Body(await _open.GetAsync("/healthz"));
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(served.Themes.Count, health.GetProperty("themes").GetInt32());
    }

    [Fact]
    public async Task Metrics_count_requests_by_route_and_status_latency_and_pairs()
    {
        var metrics = served.Locked.Services.GetRequiredService<ServerMetrics>();
        var client = Locked();
        long ok = metrics.Requests("/v1/map", 200), bad = metrics.Requests("/v1/map", 400), pairs = metrics.PairsTotal;
        await client.PostAsync("/v1/map?justify=false", ServedSample.Json(new { nome_producao = "T", sigla_uf = "AC", descricao_resumo = "floresta" }));
        await client.PostAsync("/v1/map", ServedSample.Json(new { sigla_uf = "AC" }));
        Assert.Equal(ok + 1, metrics.Requests("/v1/map", 200));
        Assert.Equal(bad + 1, metrics.Requests("/v1/map", 400));
        Assert.Equal(pairs + served.Themes.Count(t => t.Uf == "ACRE"), metrics.PairsTotal);

        var text = await client.GetStringAsync("/metrics");
        Assert.Contains($"aderencia_http_requests_total{{route=\"/v1/map\",status=\"200\"}} {metrics.Requests("/v1/map", 200)}\n", text);
        Assert.Contains("# TYPE aderencia_http_request_duration_seconds histogram", text);
        var count = text.Split('\n').Single(l => l.StartsWith("aderencia_http_request_duration_seconds_count{route=\"/v1/map\"}"));
        var inf = text.Split('\n').Single(l => l.StartsWith("aderencia_http_request_duration_seconds_bucket{route=\"/v1/map\",le=\"+Inf\"}"));
        Assert.Equal(count.Split(' ')[1], inf.Split(' ')[1]);
        Assert.Contains($"aderencia_pairs_predicted_total {metrics.PairsTotal}\n", text);
        Assert.Contains("aderencia_errors_total 0\n", text);
    }

    [Fact]
    public async Task Api_key_is_required_on_v1_only_as_header_or_bearer()
    {
        var client = served.Locked.GetTestClient();
        var p = await Problem(await client.GetAsync("/v1/themes"), HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", p.GetProperty("detail").GetString());
        var wrong = new HttpRequestMessage(HttpMethod.Get, "/v1/themes") { Headers = { { "X-Api-Key", "nope" } } };
        await Problem(await client.SendAsync(wrong), HttpStatusCode.Unauthorized);
        var header = new HttpRequestMessage(HttpMethod.Get, "/v1/themes") { Headers = { { "X-Api-Key", ServedSample.Key } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(header)).StatusCode);
        var bearer = new HttpRequestMessage(HttpMethod.Get, "/v1/themes") { Headers = { { "Authorization", "Bearer " + ServedSample.Key } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(bearer)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Unknown_route_and_wrong_method_are_problems()
    {
        await Problem(await _open.GetAsync("/nothing-here"), HttpStatusCode.NotFound);
        await Problem(await _open.GetAsync("/v1/nothing"), HttpStatusCode.NotFound);
        await Problem(await _open.GetAsync("/v1/map"), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_request_past_the_timeout_is_504()
    {
        var thesis = served.Sample.Parts.Test[0].Production;
        var row = new Dictionary<string, object?> { ["nome_producao"] = thesis.Title, ["uf_pesquisador"] = thesis.Uf, ["descricao_resumo"] = thesis.Abstract, ["tema_id"] = served.Themes[0].Id };
        var batch = Enumerable.Range(0, 1000).Select(i => new Dictionary<string, object?>(row) { ["hash_id"] = $"t{i}" }).ToList();
        var p = await Problem(await served.Hurried.GetTestClient().PostAsync("/v1/pairs", ServedSample.Json(batch)), HttpStatusCode.GatewayTimeout);
        Assert.Contains("longer than", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Openapi_documents_exactly_the_mapped_routes_and_the_page_is_served()
    {
        var doc = await Body(await _open.GetAsync("/openapi.json"));
        Assert.Equal("3.1.0", doc.GetProperty("openapi").GetString());
        var documented = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).Where(p => p != "/openapi.json").Order().ToList();
        var mapped = served.Open.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Where(r => r != "/{file}").Distinct().Order().ToList();
        Assert.Equal(mapped, documented);

        var page = await _open.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<label for=\"abstract\">", html);
        Assert.Contains("aria-live=\"polite\"", html);
        Assert.DoesNotContain("http", html.Replace("http-equiv", ""));
        Assert.Equal(HttpStatusCode.OK, (await _open.GetAsync("/app.js")).StatusCode);
        Assert.Equal("text/css", (await _open.GetAsync("/app.css")).Content.Headers.ContentType?.MediaType);
    }

    private HttpClient Locked()
    {
        var c = served.Locked.GetTestClient();
        c.DefaultRequestHeaders.Add("X-Api-Key", ServedSample.Key);
        return c;
    }
}
