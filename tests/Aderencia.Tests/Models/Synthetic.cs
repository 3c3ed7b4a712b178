using Aderencia.Domain;
using Aderencia.Features;

namespace Aderencia.Tests.Models;

/// <summary>Seeded data sets with known structure.</summary>
internal static class Synthetic
{
    /// <summary>Dense rows as a CSR matrix (every column stored).</summary>
    public static SparseMatrix Dense(float[][] rows, int columns)
    {
        var b = new SparseMatrixBuilder(columns);
        var idx = Enumerable.Range(0, columns).ToArray();
        foreach (var r in rows) b.AddRow(idx, r);
        return b.Build();
    }

    /// <summary>Hashed-text-like rows: class-dependent "words" among random ones, values 1/√nnz.</summary>
    public static (SparseMatrix X, AdherenceLevel[] Y) Hashed(int rows, int columns, int nnz, int seed, double signal = 0.15)
    {
        var rng = new Random(seed);
        var b = new SparseMatrixBuilder(columns, rows, rows * nnz);
        var y = new AdherenceLevel[rows];
        var idx = new int[nnz];
        var val = new float[nnz];
        var seen = new HashSet<int>();
        float v = 1f / MathF.Sqrt(nnz);
        int band = Math.Min(2000, columns / 3);
        for (int r = 0; r < rows; r++)
        {
            int label = rng.Next(3);
            y[r] = (AdherenceLevel)label;
            seen.Clear();
            for (int j = 0; j < nnz; j++)
            {
                int c;
                do
                {
                    // a class-specific band of columns carries the signal
                    c = rng.NextDouble() < signal ? label * band + rng.Next(band) : rng.Next(columns);
                } while (!seen.Add(c));
                idx[j] = c;
                val[j] = v;
            }
            b.AddRow(idx, val);
        }
        return (b.Build(), y);
    }

    /// <summary>Proportional-odds data: y from s = w·x plus logistic noise cut at thresholds t1 &lt; t2.</summary>
    public static (SparseMatrix X, AdherenceLevel[] Y) Ordinal(int rows, float[] w, double t1, double t2, int seed)
    {
        var rng = new Random(seed);
        var data = new float[rows][];
        var y = new AdherenceLevel[rows];
        for (int r = 0; r < rows; r++)
        {
            var x = new float[w.Length];
            double s = 0;
            for (int j = 0; j < w.Length; j++) { x[j] = (float)Gaussian(rng); s += w[j] * x[j]; }
            double u = rng.NextDouble();
            double latent = s + Math.Log(u / (1 - u));
            y[r] = latent < t1 ? AdherenceLevel.Baixa : latent < t2 ? AdherenceLevel.Media : AdherenceLevel.Alta;
            data[r] = x;
        }
        return (Dense(data, w.Length), y);
    }

    public static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
