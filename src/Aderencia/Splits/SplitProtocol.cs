using Aderencia.Data;
using Aderencia.Domain;

namespace Aderencia.Splits;

public enum SplitProtocol
{
    /// <summary>The organizers' split: drop null labels, then the two Hugging Face splits with seed 42.</summary>
    LeanDl2025,

    /// <summary>No thesis in two parts, stratified by each thesis' majority label.</summary>
    Grouped,

    /// <summary>Every row is training data.</summary>
    None,
}

public static class SplitProtocols
{
    public const ulong DefaultSeed = 42;

    public static SplitProtocol Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "leandl2025" or "leandl" or "official" => SplitProtocol.LeanDl2025,
        "grouped" or "group" => SplitProtocol.Grouped,
        "none" => SplitProtocol.None,
        _ => throw new ArgumentException($"unknown protocol '{text}'; use leandl2025, grouped or none"),
    };

    public static string Name(this SplitProtocol p) => p switch
    {
        SplitProtocol.LeanDl2025 => LeanDl2025Split.Name,
        SplitProtocol.Grouped => GroupedSplit.Name,
        _ => "none",
    };

    /// <summary>The split of a challenge-schema table, as row positions of that table.</summary>
    public static SplitResult Split(Table table, SplitProtocol protocol, ulong seed, string path)
    {
        switch (protocol)
        {
            case SplitProtocol.LeanDl2025:
            {
                var labels = table.Find(ChallengeColumns.Nivel)
                    ?? throw new DataFormatException(path, $"the leandl2025 protocol needs the label column '{ChallengeColumns.Nivel}'");
                var isNull = new bool[table.RowCount];
                for (int i = 0; i < isNull.Length; i++) isNull[i] = labels.Values[i] is null;
                return LeanDl2025Split.CreateForRows(isNull, seed);
            }
            case SplitProtocol.Grouped:
            {
                var ids = table.Find(ChallengeColumns.HashId)
                    ?? throw new DataFormatException(path, $"the grouped protocol needs the thesis id column '{ChallengeColumns.HashId}'");
                var keys = new string[table.RowCount];
                var classes = new int[table.RowCount];
                var labels = table.Find(ChallengeColumns.Nivel);
                for (int i = 0; i < keys.Length; i++)
                {
                    keys[i] = FieldCleaner.Text(ids.Values[i]) is { Length: > 0 } k ? k
                        : throw new DataFormatException(path, "a thesis id is needed to keep each thesis in one part", i + 1, ChallengeColumns.HashId);
                    classes[i] = labels?.Values[i] is { } v && AdherenceLevels.TryParse(ValueText.Format(v), out var l) ? (int)l : AdherenceLevels.Count;
                }
                var groups = new int[keys.Length];
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int i = 0; i < keys.Length; i++)
                {
                    if (!index.TryGetValue(keys[i], out int g)) index[keys[i]] = g = index.Count;
                    groups[i] = g;
                }
                return GroupedSplit.Create(groups, index.Count, seed, 0.8, 0.1, 0.1, classes, AdherenceLevels.Count + 1);
            }
            default:
                return new SplitResult("none", Enumerable.Range(0, table.RowCount).ToArray(), [], []);
        }
    }
}
