using Aderencia.Domain;

namespace Aderencia.Data;

/// <summary>Typed access to one row of a table by column name, raising errors that name file, row and column.</summary>
internal readonly struct RowReader(Table table, int index, long row, string path)
{
    public long Row => row;

    /// <summary>0-based position of the row in the table.</summary>
    public int Index => index;

    /// <summary>
    /// Runs <paramref name="body"/> on every row. A row whose values are unusable is added to <paramref name="rejects"/>
    /// and skipped; without a sink the first such row's error propagates.
    /// </summary>
    public static void ForEach(Table table, string path, RejectSink? rejects, Action<RowReader> body)
    {
        for (int i = 0; i < table.RowCount; i++)
        {
            try
            {
                body(new RowReader(table, i, i + 1, path));
            }
            catch (DataFormatException e) when (rejects is not null)
            {
                rejects.Add(RejectedRow.From(e, i + 1));
            }
        }
    }

    public object? Raw(string column) => table.Find(column)?.Values[index];

    public string Text(string column) => FieldCleaner.Text(Raw(column));

    public string RequiredText(string column)
    {
        var s = Text(column);
        return s.Length > 0 ? s : throw new DataFormatException(path, "required value is empty or null", row, column);
    }

    public int RequiredInt(string column)
    {
        var v = Raw(column);
        switch (v)
        {
            case int i: return i;
            case long l when l is >= int.MinValue and <= int.MaxValue: return (int)l;
            case double d when d == Math.Floor(d) && Math.Abs(d) < int.MaxValue: return (int)d;
            case decimal m when m == decimal.Floor(m) && Math.Abs(m) < int.MaxValue: return (int)m;
            case string s when int.TryParse(s.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int p): return p;
            case null: throw new DataFormatException(path, "required integer is null", row, column);
            default: throw new DataFormatException(path, $"'{v}' is not an integer", row, column);
        }
    }

    public string[] Keywords(string column) => FieldCleaner.Keywords(Raw(column));

    public DateOnly? Date(string column) => FieldCleaner.Date(Raw(column));

    /// <summary>The level in the column; null when the value is null; an error when it is not a level.</summary>
    public AdherenceLevel? Level(string column)
    {
        var v = Raw(column);
        if (v is null) return null;
        var s = v as string ?? ValueText.Format(v);
        if (string.IsNullOrWhiteSpace(s)) return null;
        return AdherenceLevels.TryParse(s, out var level)
            ? level
            : throw new DataFormatException(path, $"'{s}' is not a level (BAIXA, MEDIA/MÉDIA or ALTA)", row, column);
    }
}
