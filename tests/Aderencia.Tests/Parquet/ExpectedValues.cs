using System.Globalization;
using System.Text.Json;
using Aderencia.Data;

namespace Aderencia.Tests.Parquet;

/// <summary>Compares a table with the values tools/parquet/make-fixtures.mjs gave the writers.</summary>
internal static class ExpectedValues
{
    public static List<Dictionary<string, JsonElement>> Load(string file)
    {
        var json = File.ReadAllText(RepoPaths.Fixture(file));
        return JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(json)!;
    }

    public static void AssertTable(Table table, List<Dictionary<string, JsonElement>> expected)
    {
        Assert.Equal(expected.Count, table.RowCount);
        foreach (var col in table.Columns)
        {
            for (int r = 0; r < expected.Count; r++)
            {
                var e = expected[r][col.Name];
                var a = col[r];
                if (!Matches(col.Name, col.Schema, e, a))
                    Assert.Fail($"row {r} column {col.Name}: expected {e}, got {Show(a)}");
            }
        }
    }

    private static string Show(object? v) => v switch
    {
        null => "null",
        object?[] list => "[" + string.Join(", ", list.Select(Show)) + "]",
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        _ => $"{v} ({v.GetType().Name})",
    };

    private static bool Matches(string name, ColumnSchema schema, JsonElement e, object? a)
    {
        if (e.ValueKind == JsonValueKind.Null) return a is null;
        if (a is null) return false;
        return schema.Kind switch
        {
            DataKind.Boolean => (bool)a == e.GetBoolean(),
            DataKind.Int32 => (int)a == e.GetInt32(),
            DataKind.Int64 => (long)a == (e.ValueKind == JsonValueKind.String ? long.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetInt64()),
            DataKind.Float => (float)a == (float)e.GetDouble(),
            DataKind.Double => (double)a == e.GetDouble(),
            DataKind.String => (string)a == e.GetString(),
            DataKind.Date => (DateOnly)a == DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DataKind.Timestamp => (DateTime)a == FromEpoch(long.Parse(e.GetString()!, CultureInfo.InvariantCulture), Unit(name))
                && ((DateTime)a).Kind == DateTimeKind.Utc,
            DataKind.Decimal => ((decimal)a).ToString(CultureInfo.InvariantCulture) == e.GetString(),
            DataKind.List => a is object?[] list && list.Length == e.GetArrayLength()
                && list.Zip(e.EnumerateArray()).All(p => p.Second.ValueKind == JsonValueKind.Null ? p.First is null : p.First as string == p.Second.GetString()),
            _ => false,
        };
    }

    private static TimeUnit Unit(string column) => column switch
    {
        "ts_ms" => TimeUnit.Millis,
        "ts_ns" => TimeUnit.Nanos,
        _ => TimeUnit.Micros,
    };

    private static DateTime FromEpoch(long v, TimeUnit unit) => DateTime.UnixEpoch.AddTicks(unit switch
    {
        TimeUnit.Millis => v * TimeSpan.TicksPerMillisecond,
        TimeUnit.Micros => v * 10,
        _ => v / 100,
    });
}
