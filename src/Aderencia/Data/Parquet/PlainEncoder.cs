using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Aderencia.Data.Parquet;

/// <summary>Appends CLR values in PLAIN encoding for a column's physical type.</summary>
internal sealed class PlainEncoder(WriterColumn column)
{
    private static readonly long EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private readonly ArrayBufferWriter<byte> _out = new(1 << 16);
    private byte _bits;
    private int _bitCount;

    public int Count { get; private set; }
    public int ByteCount => _out.WrittenCount;

    public void Reset()
    {
        _out.ResetWrittenCount();
        _bits = 0;
        _bitCount = 0;
        Count = 0;
    }

    /// <summary>The encoded bytes; for booleans the trailing partial byte is flushed first.</summary>
    public ReadOnlySpan<byte> Finish()
    {
        if (_bitCount > 0)
        {
            Byte(_bits);
            _bits = 0;
            _bitCount = 0;
        }
        return _out.WrittenSpan;
    }

    public void Add(object value)
    {
        Count++;
        switch (column.Physical)
        {
            case PhysicalType.Boolean:
                if ((bool)value) _bits |= (byte)(1 << _bitCount);
                if (++_bitCount == 8)
                {
                    Byte(_bits);
                    _bits = 0;
                    _bitCount = 0;
                }
                break;
            case PhysicalType.Int32:
                int i32 = value switch
                {
                    DateOnly d => (int)(d.DayNumber - EpochDay),
                    decimal m => (int)Unscaled(m),
                    _ => (int)value,
                };
                BinaryPrimitives.WriteInt32LittleEndian(Take(4), i32);
                break;
            case PhysicalType.Int64:
                long i64 = value switch
                {
                    DateTime t => Timestamp(t),
                    decimal m => (long)Unscaled(m),
                    _ => (long)value,
                };
                BinaryPrimitives.WriteInt64LittleEndian(Take(8), i64);
                break;
            case PhysicalType.Float:
                BinaryPrimitives.WriteSingleLittleEndian(Take(4), (float)value);
                break;
            case PhysicalType.Double:
                BinaryPrimitives.WriteDoubleLittleEndian(Take(8), (double)value);
                break;
            case PhysicalType.ByteArray:
                if (value is string s) AddString(s);
                else AddBytes((byte[])value);
                break;
            case PhysicalType.FixedLenByteArray:
                WriteBigEndian(Unscaled((decimal)value), Take(column.TypeLength));
                break;
        }
    }

    public void AddString(string s)
    {
        int n = Encoding.UTF8.GetByteCount(s);
        var span = Take(4 + n);
        BinaryPrimitives.WriteInt32LittleEndian(span, n);
        Encoding.UTF8.GetBytes(s, span[4..]);
    }

    private void AddBytes(byte[] b)
    {
        var span = Take(4 + b.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span, b.Length);
        b.CopyTo(span[4..]);
    }

    private long Timestamp(DateTime t)
    {
        long ticks = (t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t).Ticks - DateTime.UnixEpoch.Ticks;
        return column.LeafSchema.Unit switch
        {
            TimeUnit.Millis => ticks / TimeSpan.TicksPerMillisecond,
            TimeUnit.Micros => ticks / 10,
            _ => checked(ticks * 100),
        };
    }

    private Int128 Unscaled(decimal m)
    {
        int scale = column.Leaf.Scale;
        decimal scaled = m * Pow10(scale);
        if (scaled != decimal.Truncate(scaled))
            throw new ArgumentException($"column '{column.Schema.Name}': {m} has more than {scale} decimal places");
        return (Int128)scaled;
    }

    private static decimal Pow10(int n)
    {
        decimal p = 1;
        for (int i = 0; i < n; i++) p *= 10;
        return p;
    }

    private static void WriteBigEndian(Int128 v, Span<byte> dest)
    {
        for (int i = dest.Length - 1; i >= 0; i--)
        {
            dest[i] = (byte)v;
            v >>= 8;
        }
    }

    private void Byte(byte b)
    {
        _out.GetSpan(1)[0] = b;
        _out.Advance(1);
    }

    private Span<byte> Take(int n)
    {
        var span = _out.GetSpan(n)[..n];
        _out.Advance(n);
        return span;
    }
}
