namespace Aderencia.Data;

/// <summary>Input the user must fix. The message names the file and, when known, the row and column.</summary>
public class DataFormatException : Exception
{
    public DataFormatException(string path, string message, long? row = null, string? column = null, Exception? inner = null)
        : base(Compose(path, message, row, column), inner)
    {
        FilePath = path;
        Reason = message;
        Row = row;
        ColumnName = column;
    }

    public string FilePath { get; }

    /// <summary>The problem alone, without the file/row/column prefix.</summary>
    public string Reason { get; }

    /// <summary>1-based data row (header excluded), when the problem is in one row.</summary>
    public long? Row { get; }

    public string? ColumnName { get; }

    private static string Compose(string path, string message, long? row, string? column)
    {
        var where = System.IO.Path.GetFileName(path);
        if (row is not null) where += $", row {row}";
        if (column is not null) where += $", column '{column}'";
        return $"{where}: {message}";
    }
}
