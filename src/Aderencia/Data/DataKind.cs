namespace Aderencia.Data;

/// <summary>The logical kind of a column, independent of the file format it came from.</summary>
/// <remarks>
/// CLR value of each kind inside a <see cref="Column"/>: Boolean → bool, Int32 → int, Int64 → long,
/// Float → float, Double → double, String → string, Binary → byte[], Date → DateOnly,
/// Timestamp → DateTime (UTC), Decimal → decimal (scale kept), List → object?[] of the element kind.
/// </remarks>
public enum DataKind
{
    Boolean,
    Int32,
    Int64,
    Float,
    Double,
    String,
    Binary,
    Date,
    Timestamp,
    Decimal,
    List,
}

public enum TimeUnit
{
    Millis,
    Micros,
    Nanos,
}
