using Aderencia.Data.Csv;
using Aderencia.Data.Jsonl;
using Aderencia.Data.Parquet;

namespace Aderencia.Data;

/// <summary>Opens any supported table file by content and creates writers by extension.</summary>
public static class TableFiles
{
    public static ITableReader OpenReader(string path, RejectSink? rejects = null) =>
        TableFormats.DetectFromContent(path) switch
        {
            TableFormat.Parquet => new ParquetReader(path),
            TableFormat.Jsonl => new JsonlTableReader(path, rejects),
            _ => new CsvTableReader(path, rejects),
        };

    public static ITableWriter CreateWriter(string path, TableSchema schema, TableFormat? format = null) =>
        (format ?? TableFormats.FromExtension(path)) switch
        {
            TableFormat.Parquet => new ParquetWriter(path, schema),
            TableFormat.Jsonl => new JsonlTableWriter(path, schema),
            _ => new CsvTableWriter(path, schema),
        };

    /// <summary>Reads a whole file (or the named columns) into one table.</summary>
    public static Table ReadAll(string path, IReadOnlyCollection<string>? columns = null, RejectSink? rejects = null)
    {
        using var reader = OpenReader(path, rejects);
        var parts = reader.ReadBatches(columns).ToList();
        var schema = parts.Count > 0 ? parts[0].Schema : Project(reader.Schema, columns);
        return parts.Count == 0 ? Empty(schema) : Table.Concat(schema, parts);
    }

    public static void WriteAll(string path, Table table, TableFormat? format = null)
    {
        using var writer = CreateWriter(path, table.Schema, format);
        writer.Write(table);
        writer.Complete();
    }

    public static Table Empty(TableSchema schema) =>
        new(schema, schema.Columns.Select(c => new Column(c, [])).ToArray());

    private static TableSchema Project(TableSchema schema, IReadOnlyCollection<string>? columns) =>
        columns is null ? schema : new TableSchema(columns.Select(n => schema[schema.IndexOf(n)]).ToArray());
}
