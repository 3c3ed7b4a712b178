namespace Aderencia.Data;

/// <summary>Writes rejected rows beside an output as OUTPUT.rejected.csv (file, row, column, reason, raw).</summary>
public static class RejectsFile
{
    public static string PathFor(string outputPath) => outputPath + ".rejected.csv";

    /// <summary>Writes the side file when there is anything to write; returns its path or null.</summary>
    public static string? WriteIfAny(string outputPath, RejectSink sink)
    {
        if (sink.Count == 0) return null;
        var path = PathFor(outputPath);
        var schema = new TableSchema([
            new ColumnSchema("file", DataKind.String), new ColumnSchema("row", DataKind.Int64),
            new ColumnSchema("column", DataKind.String), new ColumnSchema("reason", DataKind.String),
            new ColumnSchema("raw", DataKind.String),
        ]);
        var rows = sink.Rows;
        var table = new Table(schema, [
            new Column(schema[0], rows.Select(r => (object?)r.File).ToArray()),
            new Column(schema[1], rows.Select(r => (object?)r.Row).ToArray()),
            new Column(schema[2], rows.Select(r => (object?)r.Column).ToArray()),
            new Column(schema[3], rows.Select(r => (object?)r.Reason).ToArray()),
            new Column(schema[4], rows.Select(r => (object?)r.Raw).ToArray()),
        ]);
        TableFiles.WriteAll(path, table, TableFormat.Csv);
        return path;
    }
}
