using Aderencia.Cost;

namespace Aderencia.Tests.Cost;

public class CostModelTests
{
    [Theory]
    [InlineData("Intel(R) Core(TM) i9-14900KF", "i9-14900kf", 125, 32)]
    [InlineData("13th Gen Intel(R) Core(TM) i9-14900K", "i9-14900k", 125, 32)]
    [InlineData("AMD EPYC 7763 64-Core Processor", "epyc 7763", 280, 128)]
    [InlineData("AMD EPYC", "epyc", 280, 128)]
    [InlineData("Intel(R) Xeon(R) CPU E5-2686 v4 @ 2.30GHz", "xeon e5-2686 v4", 145, 36)]
    [InlineData("Intel(R) Xeon(R) Platinum 8480+", "xeon platinum 8480+", 350, 112)]
    [InlineData("AMD Ryzen 9 7950X 16-Core Processor", "ryzen 9 7950x", 170, 32)]
    public void TdpTable_MatchesTheMostSpecificEntry(string cpuinfo, string pattern, double tdp, int threads)
    {
        var hit = CpuPowerModel.Match(cpuinfo);
        Assert.NotNull(hit);
        Assert.Equal(new CpuTdp(pattern, tdp, threads), hit.Value);
    }

    [Fact]
    public void TdpTable_HasAboutFortyDistinctEntries()
    {
        Assert.InRange(CpuTdpTable.Entries.Length, 35, 50);
        Assert.Equal(CpuTdpTable.Entries.Length, CpuTdpTable.Entries.Select(e => e.Pattern).Distinct().Count());
        Assert.All(CpuTdpTable.Entries, e => Assert.Equal(CpuPowerModel.Normalize(e.Pattern), e.Pattern));
    }

    [Fact]
    public void PowerModel_PerThreadWatts_AndFallbacks()
    {
        var known = CpuPowerModel.Resolve("Intel(R) Core(TM) i9-14900KF", 32, null);
        Assert.Equal(125.0 / 32, known.WattsPerThread, 12);
        Assert.Equal(EnergyMethod.CpuPowerModel, known.Method);

        var unknown = CpuPowerModel.Resolve("Mystery Chip 9000", 4, null);
        Assert.Null(CpuPowerModel.Match("Mystery Chip 9000"));
        Assert.Equal(85.0 / 4, unknown.WattsPerThread, 12);
        Assert.Equal(EnergyMethod.CpuPowerModelDefaultTdp, unknown.Method);

        var overridden = CpuPowerModel.Resolve("AMD EPYC 7763 64-Core Processor", 8, 100);
        Assert.Equal(12.5, overridden.WattsPerThread, 12);
    }

    [Theory]
    [InlineData(8.0, 3.0)]
    [InlineData(0.5, 0.1875)]
    public void RamProcessModel_Is3WattsPer8GiB(double gib, double watts) =>
        Assert.Equal(watts, RamPowerModel.ProcessWatts((long)(gib * 1024 * 1024 * 1024)), 12);

    [Theory]
    [InlineData(8, 10.0)]    // 2 DIMMs
    [InlineData(32, 20.0)]   // 4 DIMMs
    [InlineData(128, 38.0)]  // 8 DIMMs: 4 × 5 + 4 × 4.5
    [InlineData(512, 38.0)]  // 8 × 64 GiB
    [InlineData(2048, 70.0)] // 16 × 128 GiB: 20 + 18 + 8 × 4
    public void RamMachineModel_FollowsTheDimmHeuristic(double gib, double watts) =>
        Assert.Equal(watts, RamPowerModel.MachineWatts(gib), 9);

    [Fact]
    public void CountryTable_FindsByCodeOrName()
    {
        Assert.Equal(0.0983, CarbonIntensityTable.Find("BRA").KgPerKwh);
        Assert.Equal("BRA", CarbonIntensityTable.Find(" brazil ").Iso3);
        Assert.Equal(0.056, CarbonIntensityTable.Find("fra").KgPerKwh);
        Assert.InRange(CarbonIntensityTable.Entries.Count, 20, 40);
        Assert.All(CarbonIntensityTable.Entries, e => Assert.InRange(e.KgPerKwh, 0.01, 1.2));
        Assert.Throws<ArgumentException>(() => CarbonIntensityTable.Find("XYZ"));
    }

    [Fact]
    public void ProcStatus_ParsesRssHwmAndThreads()
    {
        var text = "Name:\tdotnet\nVmHWM:\t  312000 kB\nVmRSS:\t  200000 kB\nThreads:\t17\n"u8;
        var s = ProcStatus.Parse(text);
        Assert.Equal(new ProcStatusSnapshot(200000L * 1024, 312000L * 1024, 17), s);
    }

    [Fact]
    public void MachineInfo_ParsesCpuinfoAndMeminfo()
    {
        Assert.Equal("Intel(R) Core(TM) i9-14900KF",
            MachineInfo.ParseCpuModel("processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Core(TM) i9-14900KF\n"));
        Assert.Equal("Raspberry Pi 4 Model B", MachineInfo.ParseCpuModel("processor\t: 0\nModel\t\t: Raspberry Pi 4 Model B\n"));
        Assert.Equal(24683656L, MachineInfo.ParseMemTotalKb("MemTotal:       24683656 kB\nMemFree: 1 kB\n"));
    }

    [Fact]
    public void NvidiaSmiLine_Parses_AndUnsupportedPowerIsZero()
    {
        Assert.True(NvidiaSmiSampler.TryParse("0, NVIDIA H100 80GB HBM3, 71.23, 1024", out var i, out var name, out var w, out var mem));
        Assert.Equal((0, "NVIDIA H100 80GB HBM3", 71.23, 1024.0), (i, name, w, mem));
        Assert.True(NvidiaSmiSampler.TryParse("1, Tesla T4, [N/A], 5", out i, out _, out w, out _));
        Assert.Equal((1, 0.0), (i, w));
        Assert.False(NvidiaSmiSampler.TryParse("No devices were found", out _, out _, out _, out _));
    }
}
