namespace Aderencia.Models;

/// <summary>How a section's float values are stored.</summary>
public enum SectionEncoding : byte
{
    Float32 = 0,

    /// <summary>IEEE half precision (about 3 significant digits).</summary>
    Float16 = 1,

    /// <summary>Symmetric 8-bit integers with one float32 scale per block of <see cref="SectionCodec.Int8Block"/> values.</summary>
    Int8 = 2,
}
