using System.Text.Json;
using Aderencia.Data;
using Aderencia.Domain;
using Aderencia.Server;
using Aderencia.Tests.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Aderencia.Tests.Server;

/// <summary>
/// The sample model (trained once) behind three in-memory servers: default settings; an API key with small limits
/// and only two states' themes; and a 1 ms request timeout.
/// </summary>
public sealed class ServedSample : IAsyncLifetime
{
    public const string Key = "s3cret-key";
    public const int SmallMaxPairs = 3;
    public const long SmallMaxBody = 4096;

    public TrainedSample Sample { get; } = new();
    public IReadOnlyList<Theme> Themes { get; } = ThemeTable.Load(TestPaths.Sample(SampleData.ThemesFile));
    public WebApplication Open { get; private set; } = null!;
    public WebApplication Locked { get; private set; } = null!;
    public WebApplication Hurried { get; private set; } = null!;
    public string[] LockedStates { get; } = ["ACRE", "BAHIA"];

    public async Task InitializeAsync()
    {
        Open = await Start(Themes, new ServeSettings());
        Locked = await Start(Themes.Where(t => LockedStates.Contains(t.Uf)),
            new ServeSettings { ApiKey = Key, MaxPairs = SmallMaxPairs, MaxBodyBytes = SmallMaxBody });
        Hurried = await Start(Themes, new ServeSettings { RequestTimeout = TimeSpan.FromMilliseconds(1) });
    }

    private async Task<WebApplication> Start(IEnumerable<Theme> themes, ServeSettings settings)
    {
        var app = AderenciaServer.Build(Sample.Model, themes, settings, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return app;
    }

    public async Task DisposeAsync()
    {
        foreach (var app in new[] { Open, Locked, Hurried })
            if (app is not null) await app.DisposeAsync();
    }

    /// <summary>A test-part thesis as the challenge file spells it: every column of its first row, labels included.</summary>
    public Dictionary<string, object?> ChallengeRow(int testPair = 0)
    {
        var id = Sample.Parts.Test[testPair].Production.Id;
        var source = Sample.Data.Source;
        int row = Enumerable.Range(0, source.RowCount).First(r => (string?)source[ChallengeColumns.HashId][r] == id);
        return source.Columns.ToDictionary(c => c.Name, c => c[row] is DateOnly d ? d.ToString("yyyy-MM-dd") : c[row]);
    }

    public static StringContent Json(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}
