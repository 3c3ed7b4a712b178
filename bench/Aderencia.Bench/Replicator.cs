using Aderencia.Data;
using Aderencia.Data.Parquet;

namespace Aderencia.Bench;

/// <summary>
/// Grows the embedded sample to N rows by repeating it; copy k > 0 gets hash_id "{id}-r{k}" so every copy is a
/// different thesis to the grouped split. Other text is shared, so the copies cost no extra memory here.
/// </summary>
internal static class Replicator
{
    public static string Dir { get; } = Path.Combine(Path.GetTempPath(), "aderencia-bench");

    public static string PathFor(int rows) => rows == SampleRows ? SampleData.PairsPath : Path.Combine(Dir, $"pairs-{rows}.parquet");

    private static int SampleRows => (int)(new ParquetReader(SampleData.PairsPath).RowCount ?? 0);

    public static string Ensure(int rows)
    {
        var path = PathFor(rows);
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(Dir);
        var sample = TableFiles.ReadAll(SampleData.PairsPath);
        int idColumn = sample.Schema.IndexOf(ChallengeColumns.HashId);
        if (idColumn < 0) throw new InvalidOperationException($"the embedded sample has no {ChallengeColumns.HashId} column");
        var options = new ParquetWriterOptions();
        using var writer = new ParquetWriter(path, sample.Schema, options);
        for (int start = 0; start < rows; start += options.RowGroupSize)
            writer.Write(Slice(sample, idColumn, start, Math.Min(options.RowGroupSize, rows - start)));
        writer.Complete();
        return path;
    }

    private static Table Slice(Table sample, int idColumn, int start, int count)
    {
        int n = sample.RowCount;
        var columns = new Column[sample.Schema.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            var source = sample.Columns[c].Values;
            var values = new object?[count];
            for (int i = 0; i < count; i++)
            {
                int row = start + i, copy = row / n;
                var v = source[row % n];
                values[i] = c == idColumn && copy > 0 && v is string id ? $"{id}-r{copy}" : v;
            }
            columns[c] = new Column(sample.Schema[c], values);
        }
        return new Table(sample.Schema, columns);
    }
}
