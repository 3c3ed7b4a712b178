// Training/prediction timing on a synthetic hashed problem (42k rows × 2^20 buckets, ~300 non-zeros per row).
// Run: dotnet run -c Release tools/models/bench_train.cs [rows] [log2 buckets] [nnz] [threads]
#:project ../../src/Aderencia/Aderencia.csproj
#:property PublishAot=false
using System.Diagnostics;
using Aderencia.Domain;
using Aderencia.Features;
using Aderencia.Models;

int rows = args.Length > 0 ? int.Parse(args[0]) : 42_000;
int columns = 1 << (args.Length > 1 ? int.Parse(args[1]) : 20);
int nnz = args.Length > 2 ? int.Parse(args[2]) : 300;
int threads = args.Length > 3 ? int.Parse(args[3]) : 2;
bool verbose = args.Contains("verbose");

var rng = new Random(1);
var b = new SparseMatrixBuilder(columns, rows, rows * nnz);
var y = new AdherenceLevel[rows];
var idx = new int[nnz];
var val = new float[nnz];
var seen = new HashSet<int>();
for (int r = 0; r < rows; r++)
{
    int label = rng.Next(3);
    y[r] = (AdherenceLevel)label;
    seen.Clear();
    for (int j = 0; j < nnz; j++)
    {
        int c;
        do c = rng.NextDouble() < 0.1 ? label * 5000 + rng.Next(5000) : rng.Next(columns); while (!seen.Add(c));
        idx[j] = c;
        val[j] = 1f / MathF.Sqrt(nnz);
    }
    b.AddRow(idx, val);
}
var x = b.Build();
Console.WriteLine($"{rows} rows, {columns} columns, {x.NonZeroCount} non-zeros, {threads} threads");

foreach (var model in new ILevelClassifier[] { new LogisticRegression(), new OrdinalLogistic() })
{
    var sw = Stopwatch.StartNew();
    model.Fit(x, y, new FitOptions { Threads = threads, ClassWeights = ClassWeighting.Balanced,
        Progress = verbose ? pr => Console.WriteLine($"  {sw.Elapsed.TotalSeconds,6:F2} s  iter {pr.Iteration} loss {pr.Loss:F5} |g| {pr.GradientNorm:E2}") : null });
    var fit = model.LastFit!;
    Console.WriteLine($"{model.Type}: fit {sw.Elapsed.TotalSeconds:F2} s, {fit.Iterations} iterations, {fit.Evaluations} evaluations, stop {fit.StopReason}, loss {fit.Loss:F4}, {fit.ActiveColumns} active columns");
    sw.Restart();
    var p = model.Predict(x, threads);
    Console.WriteLine($"{model.Type}: predict {rows / sw.Elapsed.TotalSeconds:F0} rows/s, train accuracy {LevelMetrics.Accuracy(y, p.Levels):F3}");
    sw.Restart();
    var bytes = ModelFile.ToBytes(model);
    var save = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    ModelFile.FromBytes(bytes, "mem");
    Console.WriteLine($"{model.Type}: file {bytes.Length / 1e6:F1} MB (f32), encode {save:F0} ms, decode {sw.Elapsed.TotalMilliseconds:F0} ms");
}
