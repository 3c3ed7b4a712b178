namespace Aderencia.Cost;

/// <summary>One CPU of the TDP table: a lower-case name fragment, its rated package power and hardware threads per package.</summary>
internal readonly record struct CpuTdp(string Pattern, double TdpWatts, int Threads);

/// <summary>
/// Rated package power (Intel "Processor Base Power"/TDP, AMD "Default TDP") of common desk, laptop and cloud
/// CPUs, from the vendors' spec pages (ark.intel.com, amd.com). Cloud-only SKUs (8375C, 8370C, 8272CL, 8259CL,
/// 8175M, 7B13) carry the figures published for them by their cloud or of their nearest public sibling.
/// The two family rows ("xeon", "epyc") catch hypervisors that hide the model number.
/// </summary>
internal static class CpuTdpTable
{
    public static readonly CpuTdp[] Entries =
    [
        // Intel desktop and laptop
        new("i9-14900kf", 125, 32),
        new("i9-14900k", 125, 32),
        new("i9-13900k", 125, 32),
        new("i9-12900k", 125, 24),
        new("i7-14700k", 125, 28),
        new("i7-13700k", 125, 24),
        new("i7-12700k", 125, 20),
        new("i5-13600k", 125, 20),
        new("i5-12600k", 125, 16),
        new("i7-10750h", 45, 12),
        new("i7-8850h", 45, 12),
        new("i7-1260p", 28, 16),
        new("i7-1165g7", 28, 8),
        new("i5-1135g7", 28, 8),
        new("core ultra 7 155h", 28, 22),
        // AMD desktop and laptop
        new("ryzen 9 7950x", 170, 32),
        new("ryzen 9 5950x", 105, 32),
        new("ryzen 9 5900x", 105, 24),
        new("ryzen 7 7700x", 105, 16),
        new("ryzen 7 5800x", 105, 16),
        new("ryzen 5 5600x", 65, 12),
        new("ryzen 7 5800h", 45, 16),
        new("ryzen 7 7840u", 28, 16),
        // Intel Xeon (servers and clouds)
        new("xeon platinum 8480+", 350, 112),
        new("xeon platinum 8375c", 300, 64),
        new("xeon platinum 8370c", 270, 64),
        new("xeon platinum 8272cl", 195, 52),
        new("xeon platinum 8259cl", 210, 48),
        new("xeon platinum 8175m", 240, 48),
        new("xeon gold 6248", 150, 40),
        new("xeon gold 6148", 150, 40),
        new("xeon gold 6230", 125, 40),
        new("xeon e5-2686 v4", 145, 36),
        new("xeon e5-2620 v3", 85, 12),
        // AMD EPYC (servers and clouds)
        new("epyc 9654", 360, 192),
        new("epyc 9554", 360, 128),
        new("epyc 7763", 280, 128),
        new("epyc 7b13", 280, 128),
        new("epyc 7742", 225, 128),
        new("epyc 7643", 225, 96),
        new("epyc 7543", 225, 64),
        new("epyc 7502", 180, 64),
        new("epyc 8024p", 90, 16),
        // Families, when the model number is hidden
        new("xeon", 150, 40),
        new("epyc", 280, 128),
    ];
}
