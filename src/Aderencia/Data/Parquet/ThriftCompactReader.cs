namespace Aderencia.Data.Parquet;

/// <summary>Decoder for the Thrift compact protocol over a span, with bounds, depth and length limits.</summary>
/// <remarks>Any malformed input throws <see cref="ThriftException"/>; callers turn it into a DataFormatException.</remarks>
internal ref struct ThriftCompactReader
{
    public const int MaxDepth = 64;
    public const int MaxCollection = 1 << 24;

    private readonly ReadOnlySpan<byte> _data;
    private int _pos;
    private int _depth;
    private short _lastField;
    private Span<short> _fieldStack;

    public ThriftCompactReader(ReadOnlySpan<byte> data, Span<short> fieldStack)
    {
        _data = data;
        _pos = 0;
        _depth = 0;
        _lastField = 0;
        _fieldStack = fieldStack;
    }

    public readonly int Position => _pos;

    public void BeginStruct()
    {
        if (_depth >= MaxDepth || _depth >= _fieldStack.Length) throw new ThriftException("thrift structure nested too deeply");
        _fieldStack[_depth++] = _lastField;
        _lastField = 0;
    }

    public void EndStruct() => _lastField = _fieldStack[--_depth];

    /// <summary>Reads the next field header; returns false at the struct's STOP marker.</summary>
    public bool NextField(out short id, out ThriftType type)
    {
        byte b = ReadByte();
        if (b == 0)
        {
            id = 0;
            type = ThriftType.Stop;
            return false;
        }
        type = (ThriftType)(b & 0x0F);
        int delta = b >> 4;
        id = delta != 0 ? (short)(_lastField + delta) : checked((short)ZigZag32(ReadVarint64()));
        _lastField = id;
        return true;
    }

    public bool ReadBool(ThriftType fieldType) => fieldType switch
    {
        ThriftType.True => true,
        ThriftType.False => false,
        _ => ReadByte() == 1,
    };

    public int ReadI32()
    {
        long v = ZigZag64(ReadVarint64());
        if (v is < int.MinValue or > int.MaxValue) throw new ThriftException("thrift i32 out of range");
        return (int)v;
    }

    public long ReadI64() => ZigZag64(ReadVarint64());

    public double ReadDouble()
    {
        var s = Take(8);
        return BitConverter.Int64BitsToDouble(System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(s));
    }

    public ReadOnlySpan<byte> ReadBinary()
    {
        ulong len = ReadVarint64();
        if (len > (ulong)(_data.Length - _pos)) throw new ThriftException("thrift string length exceeds the data");
        return Take((int)len);
    }

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBinary());

    public int ReadListHeader(out ThriftType elementType)
    {
        byte b = ReadByte();
        elementType = (ThriftType)(b & 0x0F);
        long size = b >> 4;
        if (size == 15) size = (long)ReadVarint64();
        // Every element takes at least one byte, except bools packed in the header, which never occur alone.
        if (size < 0 || size > MaxCollection || size > _data.Length - _pos)
            throw new ThriftException($"thrift list size {size} exceeds the data");
        return (int)size;
    }

    public int ReadMapHeader(out ThriftType keyType, out ThriftType valueType)
    {
        long size = (long)ReadVarint64();
        if (size < 0 || size > MaxCollection || size > _data.Length - _pos)
            throw new ThriftException($"thrift map size {size} exceeds the data");
        if (size == 0)
        {
            keyType = valueType = ThriftType.Stop;
            return 0;
        }
        byte kv = ReadByte();
        keyType = (ThriftType)(kv >> 4);
        valueType = (ThriftType)(kv & 0x0F);
        return (int)size;
    }

    public void Skip(ThriftType type)
    {
        switch (type)
        {
            case ThriftType.True:
            case ThriftType.False:
                return;
            case ThriftType.Byte:
                Take(1);
                return;
            case ThriftType.I16:
            case ThriftType.I32:
            case ThriftType.I64:
                ReadVarint64();
                return;
            case ThriftType.Double:
                Take(8);
                return;
            case ThriftType.Binary:
                ReadBinary();
                return;
            case ThriftType.List:
            case ThriftType.Set:
            {
                int n = ReadListHeader(out var et);
                EnterCollection();
                for (int i = 0; i < n; i++) SkipElement(et);
                _depth--;
                return;
            }
            case ThriftType.Map:
            {
                int n = ReadMapHeader(out var kt, out var vt);
                EnterCollection();
                for (int i = 0; i < n; i++)
                {
                    SkipElement(kt);
                    SkipElement(vt);
                }
                _depth--;
                return;
            }
            case ThriftType.Struct:
                BeginStruct();
                while (NextField(out _, out var ft)) Skip(ft);
                EndStruct();
                return;
            default:
                throw new ThriftException($"unknown thrift type {(int)type}");
        }
    }

    /// <summary>Skips one element of a list, set or map, where bools take one byte.</summary>
    private void SkipElement(ThriftType type)
    {
        if (type is ThriftType.True or ThriftType.False) Take(1);
        else Skip(type);
    }

    private void EnterCollection()
    {
        if (++_depth > MaxDepth) throw new ThriftException("thrift structure nested too deeply");
    }

    public byte ReadByte()
    {
        if (_pos >= _data.Length) throw new ThriftException("thrift data ends early");
        return _data[_pos++];
    }

    private ReadOnlySpan<byte> Take(int n)
    {
        if (n > _data.Length - _pos) throw new ThriftException("thrift data ends early");
        var s = _data.Slice(_pos, n);
        _pos += n;
        return s;
    }

    private ulong ReadVarint64()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new ThriftException("thrift varint too long");
    }

    private static long ZigZag64(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private static int ZigZag32(ulong v) => (int)ZigZag64(v);
}

internal enum ThriftType : byte
{
    Stop = 0,
    True = 1,
    False = 2,
    Byte = 3,
    I16 = 4,
    I32 = 5,
    I64 = 6,
    Double = 7,
    Binary = 8,
    List = 9,
    Set = 10,
    Map = 11,
    Struct = 12,
}

internal sealed class ThriftException(string message) : Exception(message);
