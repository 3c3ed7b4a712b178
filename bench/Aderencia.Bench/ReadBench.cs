using System.Diagnostics;
using System.Globalization;
using Aderencia.Data;

namespace Aderencia.Bench;

/// <summary>
/// Parquet read throughput. Each read runs in a fresh child process (this executable, <see cref="ChildCommand"/>)
/// so its VmHWM is the read's alone, not the replication's.
/// </summary>
internal static class ReadBench
{
    public const string ChildCommand = "__read-child";

    private static readonly string[] Projection = [ChallengeColumns.HashId, ChallengeColumns.TemaId, ChallengeColumns.Nivel];

    public static int Run(int[] rowCounts)
    {
        var table = new MarkdownTable("rows", "columns", "file", "wall", "rows/s", "peak memory (VmHWM)", "runtime baseline");
        foreach (int rows in rowCounts)
        {
            var sw = Stopwatch.StartNew();
            var path = Replicator.Ensure(rows);
            Console.Error.WriteLine($"{rows:N0} rows ready in {sw.Elapsed.TotalSeconds:F1} s: {path}");
            foreach (var projection in new[] { "all", "3" })
            {
                var r = RunChild(path, projection);
                table.Add(Format.Count(r.Rows), projection == "all" ? "all 25" : "3 (hash_id, tema_id, modelo_nivel)",
                    Format.MiB(new FileInfo(path).Length), Format.Seconds(r.Seconds), Format.Count(r.Rows / r.Seconds),
                    Format.MiB(r.PeakBytes), Format.MiB(r.BaselineBytes));
            }
        }
        Console.WriteLine(table);
        return 0;
    }

    /// <summary>In the child: read the file whole (as <see cref="TableFiles.ReadAll"/> does) and print "rows seconds hwm baseline".</summary>
    public static int Child(string[] args)
    {
        if (args.Length != 2) throw new ArgumentException($"{ChildCommand} needs PATH and all|3");
        long baseline = PeakMemory.HighWaterMarkBytes();
        var sw = Stopwatch.StartNew();
        var t = TableFiles.ReadAll(args[0], args[1] == "all" ? null : Projection);
        double seconds = sw.Elapsed.TotalSeconds;
        long peak = PeakMemory.HighWaterMarkBytes();
        GC.KeepAlive(t);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.RowCount} {seconds:R} {peak} {baseline}"));
        return 0;
    }

    private static (long Rows, double Seconds, long PeakBytes, long BaselineBytes) RunChild(string path, string projection)
    {
        var psi = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this executable to start the child read");
        psi.FileName = self;
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            psi.ArgumentList.Add(typeof(ReadBench).Assembly.Location);
        foreach (var a in new[] { ChildCommand, path, projection }) psi.ArgumentList.Add(a);
        using var child = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {self}");
        var line = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"child read of {path} failed with exit code {child.ExitCode}");
        var f = line.Split(' ');
        var c = CultureInfo.InvariantCulture;
        return (long.Parse(f[0], c), double.Parse(f[1], c), long.Parse(f[2], c), long.Parse(f[3], c));
    }
}
