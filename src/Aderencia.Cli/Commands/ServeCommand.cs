using System.CommandLine;
using Aderencia.Data;
using Aderencia.Pipeline;
using Aderencia.Server;
using Microsoft.AspNetCore.Builder;

namespace Aderencia.Cli.Commands;

internal static class ServeCommand
{
    public const string ApiKeyVariable = "ADERENCIA_API_KEY";

    public static Command Build()
    {
        var model = CommonOptions.Model();
        var themes = new Option<string?>("--themes") { Description = "Themes table (tema_id, tema, uf_tema_info, palavras_chave); default: the model's own catalogue." };
        var urls = new Option<string>("--urls") { Description = "Listen addresses, ';'-separated.", DefaultValueFactory = _ => ServeSettings.DefaultUrls };
        var apiKey = new Option<string?>("--api-key") { Description = $"Require this key on every /v1 call (X-Api-Key or Authorization: Bearer); default: ${ApiKeyVariable}." };
        var cmd = new Command("serve",
            "Serve the model over HTTP: a web page at /, the JSON API under /v1 (docs/api.md, /openapi.json), /healthz and /metrics. Ctrl+C stops after in-flight requests.")
        { model, themes, urls, apiKey };
        cmd.SetAction(r => CliErrors.Run(() =>
        {
            var m = AdherenceModel.Load(r.GetValue(model)!);
            var themesPath = r.GetValue(themes);
            var themeList = themesPath is null ? m.Featurizer.KnownThemes.ToList() : ThemeTable.Load(themesPath);
            var settings = new ServeSettings
            {
                Urls = r.GetValue(urls)!,
                ApiKey = r.GetValue(apiKey) ?? NullIfEmpty(Environment.GetEnvironmentVariable(ApiKeyVariable)),
            };
            var app = AderenciaServer.Build(m, themeList, settings);
            app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(
                $"serving {m.Type} model with {themeList.Count:N0} themes on {string.Join(", ", app.Urls)}{(settings.ApiKey is null ? "" : " (API key required)")}; Ctrl+C to stop"));
            app.Run();
            return 0;
        }));
        return cmd;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
