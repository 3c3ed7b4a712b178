using System.Buffers;
using System.Text;

namespace Aderencia.Data.Parquet;

/// <summary>Encoder for the Thrift compact protocol into a growable buffer.</summary>
internal sealed class ThriftCompactWriter
{
    private readonly ArrayBufferWriter<byte> _out = new(256);
    private readonly Stack<short> _fields = new();
    private short _lastField;

    public ReadOnlySpan<byte> Written => _out.WrittenSpan;

    public void Clear()
    {
        _out.ResetWrittenCount();
        _fields.Clear();
        _lastField = 0;
    }

    public void I32(short id, int v)
    {
        Header(id, ThriftType.I32);
        Varint(ZigZag(v));
    }

    public void I64(short id, long v)
    {
        Header(id, ThriftType.I64);
        Varint(ZigZag(v));
    }

    public void Bool(short id, bool v) => Header(id, v ? ThriftType.True : ThriftType.False);

    public void Byte(short id, sbyte v)
    {
        Header(id, ThriftType.Byte);
        Raw((byte)v);
    }

    public void String(short id, string v)
    {
        Header(id, ThriftType.Binary);
        StringValue(v);
    }

    public void BeginStruct(short id)
    {
        Header(id, ThriftType.Struct);
        Push();
    }

    /// <summary>An empty struct, as used by the marker members of the LogicalType union.</summary>
    public void EmptyStruct(short id)
    {
        BeginStruct(id);
        EndStruct();
    }

    /// <summary>Starts a struct that is an element of a list.</summary>
    public void BeginElement() => Push();

    public void EndStruct()
    {
        Raw(0);
        _lastField = _fields.Pop();
    }

    public void BeginList(short id, ThriftType elementType, int count)
    {
        Header(id, ThriftType.List);
        if (count < 15)
        {
            Raw((byte)(count << 4 | (int)elementType));
        }
        else
        {
            Raw((byte)(0xF0 | (int)elementType));
            Varint((ulong)count);
        }
    }

    public void I32Value(int v) => Varint(ZigZag(v));

    public void StringValue(string v)
    {
        int n = Encoding.UTF8.GetByteCount(v);
        Varint((ulong)n);
        Encoding.UTF8.GetBytes(v, _out.GetSpan(n));
        _out.Advance(n);
    }

    private void Push()
    {
        _fields.Push(_lastField);
        _lastField = 0;
    }

    private void Header(short id, ThriftType type)
    {
        int delta = id - _lastField;
        if (delta is > 0 and <= 15)
        {
            Raw((byte)(delta << 4 | (int)type));
        }
        else
        {
            Raw((byte)type);
            Varint(ZigZag(id));
        }
        _lastField = id;
    }

    private void Raw(byte b)
    {
        _out.GetSpan(1)[0] = b;
        _out.Advance(1);
    }

    private void Varint(ulong v)
    {
        var span = _out.GetSpan(10);
        int i = 0;
        while (v >= 0x80)
        {
            span[i++] = (byte)(v | 0x80);
            v >>= 7;
        }
        span[i++] = (byte)v;
        _out.Advance(i);
    }

    private static ulong ZigZag(long v) => (ulong)((v << 1) ^ (v >> 63));
}
