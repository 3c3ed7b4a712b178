using Aderencia.Runs;
using Microsoft.Data.Sqlite;

namespace Aderencia.Tests.Runs;

public class SqliteRunStoreTests
{
    [Fact]
    public void AddedRuns_ComeBackNewestFirst_WithEveryField()
    {
        using var dir = new TempDir();
        var train = RunSamples.Run("train", 1, 0.75);
        var predict = RunSamples.Run("predict", 2);
        using (var store = SqliteRunStore.Open(dir.File("runs.db")))
        {
            store.Add(train);
            store.Add(predict);
        }
        using var reopened = SqliteRunStore.Open(dir.File("runs.db"));
        var all = reopened.List(new RunQuery());
        Assert.Equal([predict.Id, train.Id], all.Select(r => r.Id));

        var back = all[1];
        Assert.Equal(train.StartedAt, back.StartedAt);
        Assert.Equal(DateTimeKind.Utc, back.StartedAt.Kind);
        Assert.Equal("train", back.Command);
        Assert.Equal(0.75, back.Metrics["macro_f1"]!.GetValue<double>());
        Assert.Equal("logistic", back.Config["type"]!.GetValue<string>());
        Assert.Equal(train.DataPath, back.DataPath);
        Assert.Equal(train.DataFingerprint, back.DataFingerprint);
        Assert.Equal(train.ModelPath, back.ModelPath);
        Assert.Equal(4096, back.ModelBytes);
        Assert.Equal(train.Costs, back.Costs);
        Assert.Equal(4.0, back.WallSeconds);
        Assert.Equal(train.EnergyKwh, back.EnergyKwh, 15);
        Assert.Equal(train.ToolVersion, back.ToolVersion);
        Assert.Equal(train.Cpu, back.Cpu);
    }

    [Fact]
    public void List_FiltersByCommand_AndLimits()
    {
        using var dir = new TempDir();
        using var store = SqliteRunStore.Open(dir.File("runs.db"));
        for (int i = 0; i < 5; i++) store.Add(RunSamples.Run(i % 2 == 0 ? "train" : "map", i));

        Assert.Equal(3, store.List(new RunQuery(Command: "train")).Count);
        Assert.All(store.List(new RunQuery(Command: "map")), r => Assert.Equal("map", r.Command));
        var newest = store.List(new RunQuery(Limit: 2));
        Assert.Equal([4, 3], newest.Select(r => r.StartedAt.Minute));
        Assert.Empty(store.List(new RunQuery(Command: "compare")));
    }

    [Fact]
    public void Find_AcceptsTheFullIdOrAUniquePrefix()
    {
        using var dir = new TempDir();
        using var store = SqliteRunStore.Open(dir.File("runs.db"));
        var a = RunSamples.Run("train", 1) with { Id = Guid.Parse("aaaa1111-0000-0000-0000-000000000000") };
        var b = RunSamples.Run("train", 2) with { Id = Guid.Parse("aaaa2222-0000-0000-0000-000000000000") };
        store.Add(a);
        store.Add(b);

        Assert.Equal(a.Id, store.Find(a.Id.ToString())!.Id);
        Assert.Equal(b.Id, store.Find("AAAA2")!.Id);
        Assert.Null(store.Find("bbbb"));
        Assert.Contains("several runs", Assert.Throws<ArgumentException>(() => store.Find("aaaa")).Message);
        Assert.Throws<ArgumentException>(() => store.Find("x%"));
    }

    [Fact]
    public void Reopening_KeepsTheSchemaVersion_AndANewerOneIsRefused()
    {
        using var dir = new TempDir();
        var path = dir.File("runs.db");
        SqliteRunStore.Open(path).Dispose();
        SqliteRunStore.Open(path).Dispose();
        Assert.Equal("1", Scalar(path, "SELECT value FROM meta WHERE key = 'schema_version'"));
        Assert.Equal("wal", Scalar(path, "PRAGMA journal_mode"));

        Scalar(path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
        var e = Assert.Throws<RunStoreException>(() => SqliteRunStore.Open(path));
        Assert.Contains("schema version '99'", e.Message);
    }

    [Fact]
    public void CorruptFile_GivesAClearError()
    {
        using var dir = new TempDir();
        var path = dir.Write("runs.db", new string('x', 4096));
        var e = Assert.Throws<RunStoreException>(() => SqliteRunStore.Open(path));
        Assert.Contains("not a readable SQLite database", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void ConcurrentWriters_AllLand()
    {
        using var dir = new TempDir();
        var path = dir.File("runs.db");
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            using var store = SqliteRunStore.Open(path);
            store.Add(RunSamples.Run("predict", i));
        });
        using var check = SqliteRunStore.Open(path);
        Assert.Equal(8, check.List(new RunQuery()).Count);
    }

    private static string? Scalar(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar()?.ToString();
    }
}
