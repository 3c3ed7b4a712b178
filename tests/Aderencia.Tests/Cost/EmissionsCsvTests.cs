using System.Text;
using Aderencia.Cost;
using Aderencia.Data;

namespace Aderencia.Tests.Cost;

public sealed class EmissionsCsvTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"aderencia-csv-{Guid.NewGuid():N}");
    private string CsvPath => Path.Combine(_dir, "emissions.csv");

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static CostMeasurement Sample(string stage, double pue = 1.0) => new()
    {
        Stage = stage,
        ProjectName = "aderencia",
        RunId = Guid.Parse("845a8f50-28d2-41fe-865b-7445ba43b0ae"),
        EndedAt = new DateTime(2025, 7, 21, 14, 3, 5),
        WallSeconds = 12.5,
        CpuSeconds = 22.1,
        Method = EnergyMethod.CpuPowerModel,
        RamMethod = RamEnergyMethod.ProcessRss,
        CpuEnergyKwh = 0.0004,
        GpuEnergyKwh = 0.002,
        RamEnergyKwh = 0.00001,
        CpuModel = "Intel(R) Core(TM) i9-14900KF, \"boxed\"",
        LogicalCores = 32,
        GpuCount = 1,
        GpuModel = "1 x NVIDIA RTX A5000",
        RamTotalGb = 62.5,
        CountryIso = "BRA",
        CountryName = "Brazil",
        CarbonIntensityKgPerKwh = 0.0983,
        Pue = pue,
        Os = "Linux",
        RuntimeVersion = ".NET 10.0.0",
        ToolVersion = "aderencia-1.0.0",
    };

    [Fact]
    public void Header_IsByteForByteCodecarbons()
    {
        var fixture = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "cost", "codecarbon_header.csv"));
        Assert.Equal(fixture, Encoding.UTF8.GetBytes(EmissionsCsv.Header + "\n"));

        EmissionsCsv.Append(CsvPath, Sample("train"));
        var written = File.ReadAllBytes(CsvPath);
        Assert.Equal(fixture, written.AsSpan(0, fixture.Length).ToArray());
    }

    [Fact]
    public void Row_HasOneFieldPerColumn_InCodecarbonUnits()
    {
        var row = EmissionsCsv.SplitFields(EmissionsCsv.FormatRow(Sample("train")));
        Assert.Equal(EmissionsCsv.Columns.Count, row.Count);
        string F(string c) => row[EmissionsCsv.Columns.ToList().IndexOf(c)];
        Assert.Equal("2025-07-21T14:03:05", F("timestamp"));
        Assert.Equal("train", F("experiment_id"));
        Assert.Equal("12.5", F("duration"));
        Assert.Equal(0.00241, double.Parse(F("energy_consumed"), System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal(0.0004 * 3.6e6 / 12.5, double.Parse(F("cpu_power"), System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal("process", F("tracking_mode"));
        Assert.Equal("N", F("on_cloud"));
        Assert.Equal("Intel(R) Core(TM) i9-14900KF, \"boxed\"", F("cpu_model"));
    }

    [Fact]
    public void WriteThenRead_RoundTrips_WithHeaderOnce()
    {
        EmissionsCsv.Append(CsvPath, Sample("train", pue: 1.5));
        EmissionsCsv.Append(CsvPath, Sample("infer"));

        var lines = File.ReadAllLines(CsvPath);
        Assert.Equal(3, lines.Length);
        Assert.Equal(1, lines.Count(l => l.StartsWith("timestamp,", StringComparison.Ordinal)));

        var rows = EmissionsCsv.Read(CsvPath);
        Assert.Equal(2, rows.Count);
        var expected = Sample("train", pue: 1.5);
        var got = rows[0];
        Assert.Equal(expected.Stage, got.Stage);
        Assert.Equal(expected.RunId, got.RunId);
        Assert.Equal(expected.EndedAt, got.EndedAt);
        Assert.Equal(expected.WallSeconds, got.WallSeconds);
        Assert.Equal(expected.CpuEnergyKwh, got.CpuEnergyKwh, 15);
        Assert.Equal(expected.GpuEnergyKwh, got.GpuEnergyKwh, 15);
        Assert.Equal(expected.RamEnergyKwh, got.RamEnergyKwh, 15);
        Assert.Equal(expected.EnergyKwh, got.EnergyKwh, 15);
        Assert.Equal(expected.EmissionsKg, got.EmissionsKg, 15);
        Assert.Equal(0.0983, got.CarbonIntensityKgPerKwh, 12);
        Assert.Equal(1.5, got.Pue);
        Assert.Equal(expected.CpuModel, got.CpuModel);
        Assert.Equal(expected.GpuModel, got.GpuModel);
        Assert.Equal(32, got.LogicalCores);
        Assert.Equal("infer", rows[1].Stage);
    }

    [Fact]
    public void DifferentExistingHeader_FailsWithoutTouchingTheFile()
    {
        Directory.CreateDirectory(_dir);
        const string Old = "timestamp,project_name,run_id,duration,emissions\n2021-09-23T15:04:51,x,y,1.0,0.1\n";
        File.WriteAllText(CsvPath, Old);

        var e = Assert.Throws<DataFormatException>(() => EmissionsCsv.Append(CsvPath, Sample("train")));
        Assert.Contains("header", e.Message);
        Assert.Equal(Old, File.ReadAllText(CsvPath));
    }

    [Fact]
    public void FileWithoutFinalNewline_GetsRowOnItsOwnLine()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(CsvPath, EmissionsCsv.Header + "\n" + EmissionsCsv.FormatRow(Sample("a")));
        EmissionsCsv.Append(CsvPath, Sample("b"));
        Assert.Equal(["a", "b"], EmissionsCsv.Read(CsvPath).Select(r => r.Stage));
    }

    [Fact]
    public void Reader_AcceptsCodecarbon3RowsWithExtraColumns()
    {
        const string Csv =
            "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power," +
            "cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country_iso_code,region," +
            "cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model," +
            "longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent," +
            "ram_utilization_percent,ram_used_gb,on_cloud,pue,wue\n" +
            "2025-10-11T10:20:20,qwen,845a8f50-28d2-41fe-865b-7445ba43b0ae,5b0fa12a-3dd7-45bb-9766-cc326314d9f1,6182.03," +
            "0.0983,1.59e-05,112.5,235.8,20.0,0.2,0.7,0.1,1.0,0.0,Brazil,BRA,sao paulo,,,Linux-6.8,3.11.9,3.0.4,32," +
            "13th Gen Intel(R) Core(TM) i9-14900KF,1,1 x NVIDIA RTX A5000,,,62.6,machine,35.0,90.0,20.0,12.0,N,1.0,0.0\n";
        var rows = EmissionsCsv.Read(new StringReader(Csv), "codecarbon3.csv");
        var r = Assert.Single(rows);
        Assert.Equal(6182.03, r.WallSeconds);
        Assert.Equal(1.0, r.EnergyKwh, 12);
        Assert.Equal(0.7, r.GpuEnergyKwh, 12);
        Assert.Equal(0.0983, r.CarbonIntensityKgPerKwh, 12);
        Assert.Equal(1, r.GpuCount);
        Assert.Equal("3.0.4", r.ToolVersion);
    }

    [Fact]
    public void Reader_RejectsAFileThatIsNotAnEmissionsCsv()
    {
        var e = Assert.Throws<DataFormatException>(() => EmissionsCsv.Read(new StringReader("a,b\n1,2\n"), "other.csv"));
        Assert.Contains("timestamp", e.Message);
    }
}
