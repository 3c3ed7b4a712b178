using System.Buffers.Binary;
using System.Text;

namespace Aderencia.Data.Parquet;

/// <summary>Turns one physical Parquet value into the boxed CLR value of its <see cref="DataKind"/>.</summary>
internal sealed class ValueConverter
{
    private static readonly object True = true;
    private static readonly object False = false;
    private const int JulianDayOfUnixEpoch = 2_440_588;

    private readonly Target _target;
    private readonly byte _scale;
    private readonly TimeUnit _unit;

    public ValueConverter(PhysicalType physical, int typeLength, Target target, int scale = 0, TimeUnit unit = TimeUnit.Micros)
    {
        Physical = physical;
        TypeLength = typeLength;
        _target = target;
        _scale = (byte)scale;
        _unit = unit;
    }

    public enum Target
    {
        Plain,
        UInt32,
        String,
        Binary,
        Uuid,
        Date,
        Timestamp,
        Decimal,
    }

    public PhysicalType Physical { get; }
    public int TypeLength { get; }

    /// <summary>Bytes per value for fixed-width physical types; 0 for BYTE_ARRAY and BOOLEAN.</summary>
    public int FixedWidth => Physical switch
    {
        PhysicalType.Int32 or PhysicalType.Float => 4,
        PhysicalType.Int64 or PhysicalType.Double => 8,
        PhysicalType.Int96 => 12,
        PhysicalType.FixedLenByteArray => TypeLength,
        _ => 0,
    };

    public static object Bool(bool v) => v ? True : False;

    public object FromInt32(int v) => _target switch
    {
        Target.Date => DateOnly.FromDayNumber(checked(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + v)),
        Target.Decimal => ToDecimal(v, v < 0),
        Target.UInt32 => (long)(uint)v,
        _ => v,
    };

    public object FromInt64(long v) => _target switch
    {
        Target.Timestamp => _unit switch
        {
            TimeUnit.Millis => DateTime.UnixEpoch.AddTicks(checked(v * TimeSpan.TicksPerMillisecond)),
            TimeUnit.Micros => DateTime.UnixEpoch.AddTicks(checked(v * 10)),
            _ => DateTime.UnixEpoch.AddTicks(v / 100),
        },
        Target.Decimal => ToDecimal(v, v < 0),
        _ => v,
    };

    /// <summary>A delta-decoded integer, for INT32 or INT64 columns.</summary>
    public object FromDeltaInteger(long v) => Physical == PhysicalType.Int32 ? FromInt32((int)v) : FromInt64(v);

    /// <summary>A fixed-width little-endian value (INT32, INT64, INT96, FLOAT, DOUBLE, FIXED_LEN_BYTE_ARRAY).</summary>
    public object FromFixed(ReadOnlySpan<byte> b) => Physical switch
    {
        PhysicalType.Int32 => FromInt32(BinaryPrimitives.ReadInt32LittleEndian(b)),
        PhysicalType.Int64 => FromInt64(BinaryPrimitives.ReadInt64LittleEndian(b)),
        PhysicalType.Float => BinaryPrimitives.ReadSingleLittleEndian(b),
        PhysicalType.Double => BinaryPrimitives.ReadDoubleLittleEndian(b),
        PhysicalType.Int96 => FromInt96(b),
        _ => FromBytes(b),
    };

    /// <summary>A BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY value.</summary>
    public object FromBytes(ReadOnlySpan<byte> b) => _target switch
    {
        Target.String => Encoding.UTF8.GetString(b),
        Target.Decimal => FromBigEndian(b),
        Target.Uuid when b.Length == 16 => new Guid(b, bigEndian: true).ToString(),
        _ => b.ToArray(),
    };

    private static DateTime FromInt96(ReadOnlySpan<byte> b)
    {
        long nanosOfDay = BinaryPrimitives.ReadInt64LittleEndian(b);
        int julianDay = BinaryPrimitives.ReadInt32LittleEndian(b[8..]);
        long days = (long)julianDay - JulianDayOfUnixEpoch;
        return DateTime.UnixEpoch.AddTicks(checked(days * TimeSpan.TicksPerDay + nanosOfDay / 100));
    }

    private decimal FromBigEndian(ReadOnlySpan<byte> b)
    {
        if (b.Length == 0) return new decimal(0, 0, 0, false, _scale);
        bool negative = (b[0] & 0x80) != 0;
        byte fill = negative ? (byte)0xFF : (byte)0;
        // Leading sign-extension bytes beyond 16 carry no information.
        while (b.Length > 16 && b[0] == fill) b = b[1..];
        if (b.Length > 16) throw new ParquetDecodeException("decimal value does not fit in 128 bits");
        Span<byte> le = stackalloc byte[16];
        le.Fill(fill);
        for (int i = 0; i < b.Length; i++) le[i] = b[b.Length - 1 - i];
        var v = BinaryPrimitives.ReadInt128LittleEndian(le);
        return ToDecimal(v, negative);
    }

    private decimal ToDecimal(Int128 unscaled, bool negative)
    {
        UInt128 mag = negative ? (UInt128)(-unscaled) : (UInt128)unscaled;
        if (mag >> 96 != 0) throw new ParquetDecodeException("decimal value exceeds System.Decimal's 96-bit range");
        return new decimal((int)(uint)mag, (int)(uint)(mag >> 32), (int)(uint)(mag >> 64), negative, _scale);
    }
}
