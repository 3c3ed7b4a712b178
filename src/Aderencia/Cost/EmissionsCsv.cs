using System.Globalization;
using System.Text;
using Aderencia.Data;

namespace Aderencia.Cost;

/// <summary>
/// codecarbon's emissions.csv (the 2.x column set, which codecarbon 3.x extends): append one measurement per row,
/// read rows written by us or by codecarbon. Energies are written with PUE applied, as codecarbon does, and powers
/// are the stage means. Numbers use the invariant culture and round-trip formatting.
/// </summary>
public static class EmissionsCsv
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "timestamp", "project_name", "run_id", "experiment_id", "duration", "emissions", "emissions_rate",
        "cpu_power", "gpu_power", "ram_power", "cpu_energy", "gpu_energy", "ram_energy", "energy_consumed",
        "country_name", "country_iso_code", "region", "cloud_provider", "cloud_region", "os", "python_version",
        "codecarbon_version", "cpu_count", "cpu_model", "gpu_count", "gpu_model", "longitude", "latitude",
        "ram_total_size", "tracking_mode", "on_cloud", "pue",
    ];

    public static string Header { get; } = string.Join(',', Columns);

    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>
    /// Appends <paramref name="m"/> as one row, writing the header first when the file is new or empty. The file is
    /// held exclusively for the append (other writers retry), and the row goes out in a single write.
    /// </summary>
    public static void Append(string path, CostMeasurement m)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var stream = OpenExclusive(full);
        var sb = new StringBuilder(512);
        if (stream.Length == 0)
        {
            sb.Append(Header).Append('\n');
        }
        else
        {
            var existing = ReadFirstLine(stream);
            if (existing != Header)
                throw new DataFormatException(full,
                    $"its header differs from the codecarbon columns this writer emits, so a row would be misaligned. " +
                    $"Found '{existing}', expected '{Header}'. Write to a new file or move the old one aside.");
            stream.Seek(-1, SeekOrigin.End);
            if (stream.ReadByte() != '\n') sb.Append('\n');
        }
        AppendRow(sb, m);
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        stream.Seek(0, SeekOrigin.End);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>One data row (no newline) for <paramref name="m"/>.</summary>
    public static string FormatRow(CostMeasurement m)
    {
        var sb = new StringBuilder(512);
        AppendRow(sb, m);
        sb.Length--;
        return sb.ToString();
    }

    /// <summary>
    /// Reads every row of an emissions.csv written by us or by any codecarbon version: columns are found by name,
    /// extra ones are ignored, missing optional ones read as empty or 0. Energies are turned back to raw (÷ PUE).
    /// </summary>
    public static IReadOnlyList<CostMeasurement> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path);
    }

    public static IReadOnlyList<CostMeasurement> Read(TextReader text, string sourceName)
    {
        var headerLine = text.ReadLine();
        if (string.IsNullOrWhiteSpace(headerLine))
            throw new DataFormatException(sourceName, "is empty; expected a codecarbon emissions.csv header.");
        var header = SplitFields(headerLine.TrimStart('\uFEFF'));
        foreach (var required in (ReadOnlySpan<string>)["timestamp", "duration", "energy_consumed"])
            if (header.IndexOf(required) < 0)
                throw new DataFormatException(sourceName, $"has no '{required}' column; is it a codecarbon emissions.csv?", column: required);

        var rows = new List<CostMeasurement>();
        long row = 0;
        for (var line = text.ReadLine(); line is not null; line = text.ReadLine())
        {
            row++;
            if (line.Length == 0) continue;
            try { rows.Add(ParseRow(SplitFields(line), header)); }
            catch (FormatException e) { throw new DataFormatException(sourceName, e.Message, row, inner: e); }
        }
        return rows;
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting; fields hold no line breaks in emissions.csv).</summary>
    internal static List<string> SplitFields(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"') sb.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else if (c != '\r') sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }

    private static CostMeasurement ParseRow(List<string> fields, List<string> header)
    {
        string Text(string column) => header.IndexOf(column) is var i and >= 0 && i < fields.Count ? fields[i] : "";
        double Number(string column)
        {
            var s = Text(column);
            if (s.Length == 0 || s.Equals("nan", StringComparison.OrdinalIgnoreCase)) return 0;
            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v : throw new FormatException($"column '{column}' holds '{s}', not a number.");
        }

        double pue = Number("pue") is > 0 and var p ? p : 1.0;
        double cpu = Number("cpu_energy"), gpu = Number("gpu_energy"), ram = Number("ram_energy");
        if (cpu + gpu + ram == 0) cpu = Number("energy_consumed"); // codecarbon 1.x rows carry only the total
        double energy = cpu + gpu + ram;
        double emissions = Number("emissions");
        var timestamp = Text("timestamp");
        return new CostMeasurement
        {
            Stage = Text("experiment_id"),
            ProjectName = Text("project_name"),
            RunId = Guid.TryParse(Text("run_id"), out var id) ? id : Guid.Empty,
            EndedAt = DateTime.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var t)
                ? t : throw new FormatException($"column 'timestamp' holds '{timestamp}', not an ISO 8601 time."),
            WallSeconds = Number("duration"),
            CpuSeconds = 0,
            Method = Text("codecarbon_version").StartsWith("aderencia", StringComparison.Ordinal) ? EnergyMethod.CpuPowerModel : EnergyMethod.Rapl,
            RamMethod = RamEnergyMethod.ProcessRss,
            CpuEnergyKwh = cpu / pue,
            GpuEnergyKwh = gpu / pue,
            RamEnergyKwh = ram / pue,
            CountryName = Text("country_name"),
            CountryIso = Text("country_iso_code"),
            CarbonIntensityKgPerKwh = energy > 0 ? emissions / energy : 0,
            Pue = pue,
            Os = Text("os"),
            RuntimeVersion = Text("python_version"),
            ToolVersion = Text("codecarbon_version"),
            CpuModel = Text("cpu_model"),
            LogicalCores = (int)Number("cpu_count"),
            GpuCount = (int)Number("gpu_count"),
            GpuModel = Text("gpu_model"),
            RamTotalGb = Number("ram_total_size"),
        };
    }

    private static void AppendRow(StringBuilder sb, CostMeasurement m)
    {
        double pue = m.Pue;
        Field(sb, m.EndedAt.ToString(TimestampFormat, CultureInfo.InvariantCulture));
        Field(sb, m.ProjectName);
        Field(sb, m.RunId.ToString());
        Field(sb, m.Stage);
        Num(sb, m.WallSeconds);
        Num(sb, m.EmissionsKg);
        Num(sb, m.EmissionsRateKgPerSecond);
        Num(sb, m.CpuPowerWatts);
        Num(sb, m.GpuPowerWatts);
        Num(sb, m.RamPowerWatts);
        Num(sb, m.CpuEnergyKwh * pue);
        Num(sb, m.GpuEnergyKwh * pue);
        Num(sb, m.RamEnergyKwh * pue);
        Num(sb, m.EnergyKwh);
        Field(sb, m.CountryName);
        Field(sb, m.CountryIso);
        Field(sb, "");                       // region
        Field(sb, "");                       // cloud_provider
        Field(sb, "");                       // cloud_region
        Field(sb, m.Os);
        Field(sb, m.RuntimeVersion);         // python_version: the .NET runtime
        Field(sb, m.ToolVersion);
        Field(sb, m.LogicalCores.ToString(CultureInfo.InvariantCulture));
        Field(sb, m.CpuModel);
        Field(sb, m.GpuCount.ToString(CultureInfo.InvariantCulture));
        Field(sb, m.GpuModel);
        Field(sb, "");                       // longitude
        Field(sb, "");                       // latitude
        Num(sb, m.RamTotalGb);
        Field(sb, "process");
        Field(sb, "N");
        Num(sb, pue);
        sb[^1] = '\n';
    }

    private static void Num(StringBuilder sb, double v) =>
        sb.Append(v.ToString("R", CultureInfo.InvariantCulture)).Append(',');

    private static void Field(StringBuilder sb, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) sb.Append(value);
        else sb.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
        sb.Append(',');
    }

    private static string ReadFirstLine(FileStream stream)
    {
        stream.Seek(0, SeekOrigin.Begin);
        var buffer = new byte[Math.Min(stream.Length, 64 * 1024)];
        int n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var span = buffer.AsSpan(0, n);
        int eol = span.IndexOf((byte)'\n');
        if (eol >= 0) span = span[..eol];
        if (span.EndsWith("\r"u8)) span = span[..^1];
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        return Encoding.UTF8.GetString(span);
    }

    private static FileStream OpenExclusive(string path)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (attempt < 50 && File.Exists(path))
            {
                Thread.Sleep(20 + Random.Shared.Next(20));
            }
        }
    }
}
