namespace Aderencia.Data;

/// <summary>A row left out of a load, with where and why, so it can be written to a side file.</summary>
public sealed record RejectedRow(string File, long Row, string? Column, string Reason, string? Raw = null)
{
    public static RejectedRow From(DataFormatException e, long row) => new(e.FilePath, e.Row ?? row, e.ColumnName, e.Reason);

    public override string ToString() =>
        $"{System.IO.Path.GetFileName(File)}, row {Row}{(Column is null ? "" : $", column '{Column}'")}: {Reason}";
}

/// <summary>Collects rejected rows; when no sink is given a reader throws on the first bad row instead.</summary>
public sealed class RejectSink
{
    private readonly List<RejectedRow> _rows = [];

    public IReadOnlyList<RejectedRow> Rows => _rows;
    public int Count => _rows.Count;

    public void Add(RejectedRow row)
    {
        lock (_rows) _rows.Add(row);
    }
}
