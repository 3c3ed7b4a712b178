namespace Aderencia.Text;

/// <summary>Which stopword lists to apply.</summary>
[Flags]
public enum StopwordLists : byte
{
    None = 0,
    Portuguese = 1,
    English = 2,

    /// <summary>Words that appear in nearly every catalogue record: "tese", "dissertação", "estudo", "study"...</summary>
    Catalogue = 4,

    PortugueseAndEnglish = Portuguese | English,
    All = Portuguese | English | Catalogue,
}
