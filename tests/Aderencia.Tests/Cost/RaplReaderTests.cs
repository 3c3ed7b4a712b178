using Aderencia.Cost;

namespace Aderencia.Tests.Cost;

[Collection(ProcessWideCollection.Name)]
public sealed class RaplReaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"aderencia-rapl-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private void Zone(string dir, string name, long energy, long max)
    {
        var path = Path.Combine(_root, dir);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "name"), name + "\n");
        SetEnergy(dir, energy);
        File.WriteAllText(Path.Combine(path, "max_energy_range_uj"), max + "\n");
    }

    private void SetEnergy(string dir, long microjoules) =>
        File.WriteAllText(Path.Combine(_root, dir, "energy_uj"), microjoules + "\n");

    [Fact]
    public void PackageAndDram_AccumulateDeltas_AcrossAWrap()
    {
        Zone("intel-rapl:0", "package-0", 1_000, 10_000);
        Zone("intel-rapl:0:0", "dram", 50, 1_000);
        Zone("intel-rapl:1", "psys", 7, 10_000);

        var rapl = RaplReader.TryOpen(_root)!;
        Assert.Equal(1, rapl.PackageCount);
        Assert.True(rapl.HasDram);

        SetEnergy("intel-rapl:0", 4_000);
        SetEnergy("intel-rapl:0:0", 950);
        rapl.Sample();
        SetEnergy("intel-rapl:0", 500);      // wrapped: 4000 → 10000 → 0 → 500
        SetEnergy("intel-rapl:0:0", 100);    // wrapped: 950 → 1000 → 0 → 100
        rapl.Sample();

        Assert.Equal((3_000 + 6_500) * 1e-6, rapl.PackageJoules, 12);
        Assert.Equal((900 + 150) * 1e-6, rapl.DramJoules, 12);
    }

    [Fact]
    public void NoReadablePackage_MeansNoRapl()
    {
        Assert.Null(RaplReader.TryOpen(Path.Combine(_root, "absent")));
        Zone("intel-rapl:0", "package-0", 1, 10);
        File.Delete(Path.Combine(_root, "intel-rapl:0", "energy_uj"));
        Assert.Null(RaplReader.TryOpen(_root));
    }

    [Fact]
    public void Delta_HandlesWrap()
    {
        Assert.Equal(5, RaplReader.Delta(10, 15, 100));
        Assert.Equal(15, RaplReader.Delta(90, 5, 100));
    }

    [Fact]
    public void Tracker_UsesRaplWhenReadable()
    {
        Zone("intel-rapl:0", "package-0", 0, 1_000_000_000_000);
        var options = new CostOptions { PowercapRoot = _root, UseGpu = false, SampleInterval = TimeSpan.FromMilliseconds(50) };
        using var tracker = CostTracker.Start("rapl", options);
        SetEnergy("intel-rapl:0", 7_200_000_000); // 7200 J = 0.002 kWh
        var m = tracker.Stop();

        Assert.Equal(EnergyMethod.Rapl, m.Method);
        Assert.Equal(0.002, m.CpuEnergyKwh, 12);
        Assert.Equal(RamEnergyMethod.ProcessRss, m.RamMethod);
    }
}
