using Aderencia.Runs;

namespace Aderencia.Tests.Runs;

public class RunRecorderTests
{
    [Fact]
    public void Records_IntoTheTargetFile()
    {
        using var dir = new TempDir();
        var recorder = new RunRecorder(dir.File("sub/runs.db"));
        Assert.True(recorder.Record(RunSamples.Run("evaluate", 1)));
        using var store = SqliteRunStore.Open(dir.File("sub/runs.db"));
        Assert.Equal("evaluate", Assert.Single(store.List(new RunQuery())).Command);
    }

    [Fact]
    public void Disabled_RecordsNothing()
    {
        var recorder = RunRecorder.FromEnvironment("/nonexistent/runs.db", disabled: true);
        Assert.False(recorder.Enabled);
        Assert.False(recorder.Record(RunSamples.Run("train", 1)));
    }

    [Fact]
    public void PostgresTargets_AreToldApartFromFiles()
    {
        Assert.True(RunStores.IsPostgres("postgres://u:p@db:5432/runs"));
        Assert.True(RunStores.IsPostgres("Host=db;Database=runs;Username=u"));
        Assert.False(RunStores.IsPostgres("/home/u/.local/share/aderencia/runs.db"));
        Assert.False(RunStores.IsPostgres("C:\\Users\\host\\runs.db"));
        Assert.Equal("/explicit.db", RunStores.ResolveTarget("/explicit.db"));
        Assert.EndsWith(Path.Combine("aderencia", "runs.db"), RunStores.DefaultSqlitePath);
    }

    [Fact]
    public void PostgresUrl_BecomesAnNpgsqlConnectionString()
    {
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgresql://ana%40x:s%3Acret@db.example:6543/runs?sslmode=require"));
        Assert.Equal("db.example", cs.Host);
        Assert.Equal(6543, cs.Port);
        Assert.Equal("runs", cs.Database);
        Assert.Equal("ana@x", cs.Username);
        Assert.Equal("s:cret", cs.Password);
        Assert.Equal(Npgsql.SslMode.Require, cs.SslMode);
        Assert.Throws<ArgumentException>(() => PostgresUrl.ToConnectionString("postgres://"));
    }

    [Fact]
    public void CorruptRegistry_WarnsOnce_AndNeverThrows()
    {
        using var dir = new TempDir();
        var path = dir.Write("runs.db", new string('x', 4096));
        var warnings = new List<string>();
        var recorder = new RunRecorder(path, warnings.Add);
        Assert.False(recorder.Record(RunSamples.Run("train", 1)));
        Assert.False(recorder.Record(RunSamples.Run("train", 2)));
        var warning = Assert.Single(warnings);
        Assert.StartsWith("warning: run not recorded:", warning);
        Assert.Contains("not a readable SQLite database", warning);
    }
}
