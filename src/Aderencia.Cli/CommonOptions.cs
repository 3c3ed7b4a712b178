using System.CommandLine;
using Aderencia.Splits;

namespace Aderencia.Cli;

/// <summary>Options shared by several commands, so they are spelled and described the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Protocol(string defaultValue) => new("--protocol")
    {
        Description = "Split protocol: leandl2025 (the organizers' split), grouped (no thesis in two parts) or none.",
        DefaultValueFactory = _ => defaultValue,
    };

    public static Option<ulong> Seed() => new("--seed")
    {
        Description = "Random seed for splits and training.",
        DefaultValueFactory = _ => SplitProtocols.DefaultSeed,
    };

    public static Option<string> Model() => new("--model") { Description = "A model file written by `aderencia train`.", Required = true };

    public static Option<string> Output() => new("--output") { Description = "Output file; .parquet, .csv or .jsonl chooses the format.", Required = true };

    public static Option<bool> NoJustification() => new("--no-justification") { Description = "Skip justifications (faster)." };
}
