namespace Aderencia.Data;

public enum TableFormat
{
    Parquet,
    Csv,
    Jsonl,
}

public static class TableFormats
{
    /// <summary>The format of an existing file, from its first bytes (Parquet magic, a JSON object, else CSV).</summary>
    public static TableFormat DetectFromContent(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        using var fs = File.OpenRead(path);
        Span<byte> head = stackalloc byte[512];
        int n = fs.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        if (n == 0) throw new DataFormatException(path, "the file is empty");
        if (head.StartsWith("PAR1"u8)) return TableFormat.Parquet;
        // A file named .parquet that lacks the magic is a damaged Parquet file, not a CSV: let the Parquet reader say so.
        if (System.IO.Path.GetExtension(path).ToLowerInvariant() is ".parquet" or ".pq" or ".parq") return TableFormat.Parquet;
        if (head.StartsWith("\uFEFF"u8)) head = head[3..];
        foreach (byte b in head)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == (byte)'{' ? TableFormat.Jsonl : TableFormat.Csv;
        }
        return TableFormat.Csv;
    }

    /// <summary>The format an output path asks for, from its extension.</summary>
    public static TableFormat FromExtension(string path)
    {
        var ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".parquet" or ".pq" or ".parq" => TableFormat.Parquet,
            ".csv" or ".tsv" or ".txt" => TableFormat.Csv,
            ".jsonl" or ".ndjson" or ".json" => TableFormat.Jsonl,
            _ => throw new ArgumentException($"{path}: cannot tell the output format from '{ext}'; use .parquet, .csv or .jsonl"),
        };
    }

    public static string Extension(this TableFormat format) => format switch
    {
        TableFormat.Parquet => ".parquet",
        TableFormat.Csv => ".csv",
        _ => ".jsonl",
    };
}
