using System.Diagnostics;
using Aderencia.Domain;
using Aderencia.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aderencia.Server;

/// <summary>
/// The HTTP service: one loaded model and themes table, many requests. Pipeline, outermost first: metrics, errors as
/// problem+json, status-code problems (404/405), routing, request timeouts, the optional API key on /v1, endpoints.
/// </summary>
public static class AderenciaServer
{
    /// <param name="configure">Last say over the builder (tests swap in TestServer; the bench silences logging).</param>
    public static WebApplication Build(AdherenceModel model, IEnumerable<Theme> themes, ServeSettings settings,
        Action<WebApplicationBuilder>? configure = null)
    {
        settings.Validate();
        var catalog = new ThemeCatalog(themes);
        model.Featurizer.UseThemes(catalog.All);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = settings.MaxBodyBytes;
            k.Limits.MaxConcurrentConnections = 1024;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            k.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout);
        builder.Services.AddProblemDetails();
        builder.Services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = settings.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            WriteTimeoutResponse = ctx => Problems.Write(ctx, StatusCodes.Status504GatewayTimeout, "Request timed out",
                $"the request took longer than {settings.RequestTimeout.TotalSeconds:0.###} s; send fewer pairs or retry later"),
        });
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Api));
        var metrics = new ServerMetrics();
        builder.Services.AddSingleton(metrics);
        builder.Services.AddSingleton(new Grader(model, catalog, metrics, settings.Concurrency));
        configure?.Invoke(builder);

        var app = builder.Build();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Aderencia.Server");
        app.Use(async (ctx, next) =>
        {
            long start = Stopwatch.GetTimestamp();
            metrics.Started();
            try
            {
                await next(ctx);
            }
            finally
            {
                string route = (ctx.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                metrics.Finished(route, ctx.Response.StatusCode, Stopwatch.GetTimestamp() - start);
            }
        });
        app.Use(async (ctx, next) =>
        {
            try
            {
                await next(ctx);
            }
            catch (ApiProblemException p) when (!ctx.Response.HasStarted)
            {
                ctx.Response.Clear();
                await Problems.Write(ctx, p.Status, p.Title, p.Message, p.Extensions);
            }
            catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
            {
                ctx.Response.StatusCode = 499;
            }
            catch (Exception e) when (!ctx.Response.HasStarted)
            {
                metrics.UnhandledError();
                log.LogError(e, "request {Method} {Path} failed", ctx.Request.Method, ctx.Request.Path);
                ctx.Response.Clear();
                await Problems.Write(ctx, StatusCodes.Status500InternalServerError, "Internal error",
                    "the service failed on this request; the error is logged on the server");
            }
        });
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRequestTimeouts();
        if (settings.ApiKey is { } key)
        {
            var check = new ApiKeyCheck(key);
            app.Use(async (ctx, next) =>
            {
                if (ctx.Request.Path.StartsWithSegments("/v1") && !check.Allows(ctx.Request))
                {
                    ctx.Response.Headers.WWWAuthenticate = "Bearer";
                    await Problems.Write(ctx, StatusCodes.Status401Unauthorized, "API key required",
                        $"this service needs an API key: send it as '{ApiKeyCheck.Header}: KEY' or 'Authorization: Bearer KEY'");
                    return;
                }
                await next(ctx);
            });
        }
        ApiEndpoints.Map(app, settings);
        return app;
    }
}
