using System.Numerics.Tensors;

namespace Aderencia.Models;

/// <summary>
/// Dense vector operations split into fixed chunks and run on up to <c>threads</c> cores. Reductions add the
/// chunks' partial sums in chunk order, so results are bit-identical whatever the thread count.
/// </summary>
internal sealed class ChunkedVectors
{
    private const int Chunk = 1 << 15;
    private readonly int _length;
    private readonly int _chunks;
    private readonly double[] _partial;
    private readonly ParallelOptions _parallel;

    public ChunkedVectors(int length, int threads)
    {
        _length = length;
        _chunks = Math.Max(1, (length + Chunk - 1) / Chunk);
        _partial = new double[_chunks];
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
    }

    private bool Serial => _chunks == 1 || _parallel.MaxDegreeOfParallelism == 1;

    private (int Start, int Length) Range(int chunk)
    {
        int start = chunk * Chunk;
        return (start, Math.Min(Chunk, _length - start));
    }

    public double Dot(double[] a, double[] b)
    {
        if (Serial)
            for (int c = 0; c < _chunks; c++) DotChunk(a, b, c);
        else
            Parallel.For(0, _chunks, _parallel, c => DotChunk(a, b, c));
        double sum = 0;
        foreach (double p in _partial) sum += p;
        return sum;
    }

    private void DotChunk(double[] a, double[] b, int chunk)
    {
        var (s, n) = Range(chunk);
        _partial[chunk] = TensorPrimitives.Dot<double>(a.AsSpan(s, n), b.AsSpan(s, n));
    }

    /// <summary>destination = x · factor + y.</summary>
    public void MultiplyAdd(double[] x, double factor, double[] y, double[] destination) =>
        Each(c =>
        {
            var (s, n) = Range(c);
            TensorPrimitives.MultiplyAdd<double>(x.AsSpan(s, n), factor, y.AsSpan(s, n), destination.AsSpan(s, n));
        });

    /// <summary>destination = x · factor.</summary>
    public void Multiply(double[] x, double factor, double[] destination) =>
        Each(c =>
        {
            var (s, n) = Range(c);
            TensorPrimitives.Multiply<double>(x.AsSpan(s, n), factor, destination.AsSpan(s, n));
        });

    /// <summary>destination = x − y.</summary>
    public void Subtract(double[] x, double[] y, double[] destination) =>
        Each(c =>
        {
            var (s, n) = Range(c);
            TensorPrimitives.Subtract<double>(x.AsSpan(s, n), y.AsSpan(s, n), destination.AsSpan(s, n));
        });

    private void Each(Action<int> body)
    {
        if (Serial)
            for (int c = 0; c < _chunks; c++) body(c);
        else
            Parallel.For(0, _chunks, _parallel, body);
    }
}
