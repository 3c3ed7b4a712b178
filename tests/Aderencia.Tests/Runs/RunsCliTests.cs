using System.Text.Json.Nodes;
using Aderencia.Data;
using Aderencia.Pipeline;
using Aderencia.Tests.Cli;

namespace Aderencia.Tests.Runs;

public class RunsCliTests
{
    [Fact]
    public void EvaluateAndPredict_AreRecorded_AndRunsListShowExportReadThem()
    {
        using var dir = new TempDir();
        var model = TrainSmallModel(dir);
        var pairs = TestPaths.Sample(SampleData.PairsFile);
        var env = new Dictionary<string, string?> { ["ADERENCIA_RUNS_DB"] = dir.File("runs.db"), ["ADERENCIA_NO_RUNS"] = null };

        var evaluate = CliRunner.RunWith(dir.Path_, env, "evaluate", "--model", model, "--data", pairs, "--country", "FRA");
        Assert.True(evaluate.ExitCode == 0, evaluate.Stderr);
        Assert.Matches(@"cost: .* s wall, .* g CO2e -> emissions\.csv; run [0-9a-f]{8}", evaluate.Stderr);
        var predict = CliRunner.RunWith(dir.Path_, env, "predict", "--model", model, "--input", pairs, "--output", dir.File("p.csv"),
            "--no-justification", "--emissions", dir.File("costs/e.csv"));
        Assert.True(predict.ExitCode == 0, predict.Stderr);

        var emissions = Aderencia.Cost.EmissionsCsv.Read(dir.File("emissions.csv"));
        Assert.Equal("evaluate", Assert.Single(emissions).Stage);
        Assert.Equal("FRA", emissions[0].CountryIso);
        Assert.Equal("predict", Assert.Single(Aderencia.Cost.EmissionsCsv.Read(dir.File("costs/e.csv"))).Stage);

        var list = CliRunner.RunWith(dir.Path_, env, "runs", "list");
        Assert.True(list.ExitCode == 0, list.Stderr);
        Assert.Contains("2 run(s)", list.Stdout);
        Assert.Contains("macro-F1", list.Stdout);
        var onlyPredict = CliRunner.RunWith(dir.Path_, env, "runs", "list", "--command", "predict");
        Assert.Contains("1 run(s)", onlyPredict.Stdout);
        Assert.Contains("3600 pairs", onlyPredict.Stdout);

        var evaluateId = emissions[0].RunId.ToString();
        var show = CliRunner.RunWith(dir.Path_, env, "runs", "show", evaluateId[..8]);
        Assert.True(show.ExitCode == 0, show.Stderr);
        var json = JsonNode.Parse(show.Stdout)!;
        Assert.Equal(evaluateId, json["id"]!.GetValue<string>());
        Assert.Equal("evaluate", json["command"]!.GetValue<string>());
        Assert.Equal(Fingerprint.OfFile(pairs), json["data_fingerprint"]!.GetValue<string>());
        Assert.Equal(new FileInfo(model).Length, json["model_bytes"]!.GetValue<long>());
        Assert.InRange(json["metrics"]!["macro_f1"]!.GetValue<double>(), 0.3, 1);
        Assert.Equal("evaluate", json["costs"]![0]!["stage"]!.GetValue<string>());

        var export = CliRunner.RunWith(dir.Path_, env, "runs", "export", "--output", dir.File("runs.parquet"));
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Equal(2, TableFiles.ReadAll(dir.File("runs.parquet")).RowCount);

        var missing = CliRunner.RunWith(dir.Path_, env, "runs", "show", "ffffffff");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no run 'ffffffff'", missing.Stderr);
    }

    [Fact]
    public void CorruptRegistry_WarnsButTheCommandSucceeds()
    {
        using var dir = new TempDir();
        var model = TrainSmallModel(dir);
        var db = dir.Write("runs.db", new string('x', 4096));
        var env = new Dictionary<string, string?> { ["ADERENCIA_RUNS_DB"] = db, ["ADERENCIA_NO_RUNS"] = null };

        var r = CliRunner.RunWith(dir.Path_, env, "evaluate", "--model", model, "--data", TestPaths.Sample(SampleData.PairsFile), "--no-emissions");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("macro avg", r.Stdout);
        Assert.Single(r.Stderr.Split('\n'), l => l.StartsWith("warning: run not recorded:", StringComparison.Ordinal));
        Assert.Contains("not a readable SQLite database", r.Stderr);
        Assert.False(File.Exists(dir.File("emissions.csv")));

        var list = CliRunner.RunWith(dir.Path_, env, "runs", "list");
        Assert.Equal(2, list.ExitCode);
        Assert.StartsWith("error: runs registry", list.Stderr);
    }

    [Fact]
    public void NoRecord_LeavesTheRegistryUntouched()
    {
        using var dir = new TempDir();
        var model = TrainSmallModel(dir);
        var env = new Dictionary<string, string?> { ["ADERENCIA_RUNS_DB"] = dir.File("runs.db"), ["ADERENCIA_NO_RUNS"] = null };
        var r = CliRunner.RunWith(dir.Path_, env, "evaluate", "--model", model, "--data", TestPaths.Sample(SampleData.PairsFile), "--no-record", "--no-emissions");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.DoesNotContain("; run ", r.Stderr);
        Assert.False(File.Exists(dir.File("runs.db")));
    }

    /// <summary>A quick model on a slice of the sample, trained in-process.</summary>
    private static string TrainSmallModel(TempDir dir)
    {
        var data = ChallengeDataset.Load(TestPaths.Sample(SampleData.PairsFile));
        var model = AdherenceModel.Train(data.Pairs.Take(600).ToList(), null, new TrainOptions { MaxIterations = 20, TuneThresholds = false });
        var path = dir.File("m.adm");
        model.Save(path);
        return path;
    }
}
