namespace Aderencia.Data.Parquet;

/// <summary>Parses footer and page-header structures from Thrift compact bytes.</summary>
internal static class MetadataReader
{
    public static FileMetadata ReadFileMetadata(ReadOnlySpan<byte> data)
    {
        var r = new ThriftCompactReader(data, stackalloc short[ThriftCompactReader.MaxDepth]);
        var m = new FileMetadata();
        r.BeginStruct();
        while (r.NextField(out var id, out var t))
        {
            switch (id)
            {
                case 1 when t == ThriftType.I32: m.Version = r.ReadI32(); break;
                case 2 when t == ThriftType.List:
                    int n = r.ReadListHeader(out _);
                    for (int i = 0; i < n; i++) m.Schema.Add(ReadSchemaElement(ref r));
                    break;
                case 3 when t == ThriftType.I64: m.NumRows = r.ReadI64(); break;
                case 4 when t == ThriftType.List:
                    int g = r.ReadListHeader(out _);
                    for (int i = 0; i < g; i++) m.RowGroups.Add(ReadRowGroup(ref r));
                    break;
                case 6 when t == ThriftType.Binary: m.CreatedBy = r.ReadString(); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        return m;
    }

    /// <summary>Reads a page header at the start of <paramref name="data"/>; returns its encoded length.</summary>
    public static int ReadPageHeader(ReadOnlySpan<byte> data, out PageHeader h)
    {
        var r = new ThriftCompactReader(data, stackalloc short[ThriftCompactReader.MaxDepth]);
        h = new PageHeader();
        r.BeginStruct();
        while (r.NextField(out var id, out var t))
        {
            switch (id)
            {
                case 1 when t == ThriftType.I32: h.Type = (PageType)r.ReadI32(); break;
                case 2 when t == ThriftType.I32: h.UncompressedSize = r.ReadI32(); break;
                case 3 when t == ThriftType.I32: h.CompressedSize = r.ReadI32(); break;
                case 5 when t == ThriftType.Struct: ReadDataPageHeader(ref r, h); break;
                case 7 when t == ThriftType.Struct: ReadDictionaryPageHeader(ref r, h); break;
                case 8 when t == ThriftType.Struct: ReadDataPageHeaderV2(ref r, h); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        return r.Position;
    }

    private static SchemaElement ReadSchemaElement(ref ThriftCompactReader r)
    {
        var e = new SchemaElement();
        r.BeginStruct();
        while (r.NextField(out var id, out var t))
        {
            switch (id)
            {
                case 1 when t == ThriftType.I32: e.Type = (PhysicalType)r.ReadI32(); break;
                case 2 when t == ThriftType.I32: e.TypeLength = r.ReadI32(); break;
                case 3 when t == ThriftType.I32: e.Repetition = (Repetition)r.ReadI32(); break;
                case 4 when t == ThriftType.Binary: e.Name = r.ReadString(); break;
                case 5 when t == ThriftType.I32: e.NumChildren = r.ReadI32(); break;
                case 6 when t == ThriftType.I32: e.Converted = (ConvertedType)r.ReadI32(); break;
                case 7 when t == ThriftType.I32: e.Scale = r.ReadI32(); break;
                case 8 when t == ThriftType.I32: e.Precision = r.ReadI32(); break;
                case 10 when t == ThriftType.Struct: ReadLogicalType(ref r, e); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        return e;
    }

    private static void ReadLogicalType(ref ThriftCompactReader r, SchemaElement e)
    {
        r.BeginStruct();
        while (r.NextField(out var id, out var t))
        {
            if (t != ThriftType.Struct)
            {
                r.Skip(t);
                continue;
            }
            e.Logical = (LogicalKind)id;
            switch ((LogicalKind)id)
            {
                case LogicalKind.Decimal:
                    r.BeginStruct();
                    while (r.NextField(out var f, out var ft))
                    {
                        if (f == 1 && ft == ThriftType.I32) e.Scale = r.ReadI32();
                        else if (f == 2 && ft == ThriftType.I32) e.Precision = r.ReadI32();
                        else r.Skip(ft);
                    }
                    r.EndStruct();
                    break;
                case LogicalKind.Time:
                case LogicalKind.Timestamp:
                    r.BeginStruct();
                    while (r.NextField(out var f, out var ft))
                    {
                        if (f == 2 && ft == ThriftType.Struct) e.LogicalUnit = ReadTimeUnit(ref r);
                        else r.Skip(ft);
                    }
                    r.EndStruct();
                    break;
                case LogicalKind.Integer:
                    r.BeginStruct();
                    while (r.NextField(out var f, out var ft))
                    {
                        if (f == 1 && ft == ThriftType.Byte) e.IntBitWidth = (sbyte)r.ReadByte();
                        else if (f == 2 && ft is ThriftType.True or ThriftType.False) e.IntSigned = r.ReadBool(ft);
                        else r.Skip(ft);
                    }
                    r.EndStruct();
                    break;
                default:
                    r.Skip(t);
                    break;
            }
        }
        r.EndStruct();
    }

    private static TimeUnit ReadTimeUnit(ref ThriftCompactReader r)
    {
        var unit = TimeUnit.Micros;
        r.BeginStruct();
        while (r.NextField(out var id, out var t))
        {
            unit = id switch { 1 => TimeUnit.Millis, 3 => TimeUnit.Nanos, _ => TimeUnit.Micros };
            r.Skip(t);
        }
        r.EndStruct();
        return unit;
    }

    private static RowGroupMetadata ReadRowGroup(ref ThriftCompactReader r)
    {
        var g = new RowGroupMetadata();
        r.BeginStruct();
        while (r.NextField(out var id, out var t))
        {
            switch (id)
            {
                case 1 when t == ThriftType.List:
                    int n = r.ReadListHeader(out _);
                    for (int i = 0; i < n; i++) g.Columns.Add(ReadColumnChunk(ref r));
                    break;
                case 2 when t == ThriftType.I64: g.TotalByteSize = r.ReadI64(); break;
                case 3 when t == ThriftType.I64: g.NumRows = r.ReadI64(); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        return g;
    }

    private static ColumnChunkMetadata ReadColumnChunk(ref ThriftCompactReader r)
    {
        ColumnChunkMetadata? c = null;
        r.BeginStruct();
        while (r.NextField(out var id, out var t))
        {
            if (id == 1 && t == ThriftType.Binary)
                throw new ThriftException("column chunks stored in other files (file_path) are not supported");
            if (id == 3 && t == ThriftType.Struct) c = ReadColumnMetadata(ref r);
            else r.Skip(t);
        }
        r.EndStruct();
        return c ?? throw new ThriftException("column chunk without meta_data");
    }

    private static ColumnChunkMetadata ReadColumnMetadata(ref ThriftCompactReader r)
    {
        var c = new ColumnChunkMetadata();
        r.BeginStruct();
        while (r.NextField(out var id, out var t))
        {
            switch (id)
            {
                case 1 when t == ThriftType.I32: c.Type = (PhysicalType)r.ReadI32(); break;
                case 2 when t == ThriftType.List:
                    int n = r.ReadListHeader(out _);
                    for (int i = 0; i < n; i++) c.Encodings.Add((ParquetEncoding)r.ReadI32());
                    break;
                case 3 when t == ThriftType.List:
                    int p = r.ReadListHeader(out _);
                    c.Path = new string[p];
                    for (int i = 0; i < p; i++) c.Path[i] = r.ReadString();
                    break;
                case 4 when t == ThriftType.I32: c.Codec = (ParquetCompression)r.ReadI32(); break;
                case 5 when t == ThriftType.I64: c.NumValues = r.ReadI64(); break;
                case 6 when t == ThriftType.I64: c.TotalUncompressedSize = r.ReadI64(); break;
                case 7 when t == ThriftType.I64: c.TotalCompressedSize = r.ReadI64(); break;
                case 9 when t == ThriftType.I64: c.DataPageOffset = r.ReadI64(); break;
                case 11 when t == ThriftType.I64: c.DictionaryPageOffset = r.ReadI64(); break;
                case 12 when t == ThriftType.Struct: c.NullCount = ReadNullCount(ref r); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        return c;
    }

    private static long? ReadNullCount(ref ThriftCompactReader r)
    {
        long? nulls = null;
        r.BeginStruct();
        while (r.NextField(out var id, out var t))
        {
            if (id == 3 && t == ThriftType.I64) nulls = r.ReadI64();
            else r.Skip(t);
        }
        r.EndStruct();
        return nulls;
    }

    private static void ReadDataPageHeader(ref ThriftCompactReader r, PageHeader h)
    {
        r.BeginStruct();
        while (r.NextField(out var id, out var t))
        {
            switch (id)
            {
                case 1 when t == ThriftType.I32: h.NumValues = r.ReadI32(); break;
                case 2 when t == ThriftType.I32: h.Encoding = (ParquetEncoding)r.ReadI32(); break;
                case 3 when t == ThriftType.I32: h.DefinitionEncoding = (ParquetEncoding)r.ReadI32(); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
    }

    private static void ReadDictionaryPageHeader(ref ThriftCompactReader r, PageHeader h)
    {
        r.BeginStruct();
        while (r.NextField(out var id, out var t))
        {
            switch (id)
            {
                case 1 when t == ThriftType.I32: h.NumValues = r.ReadI32(); break;
                case 2 when t == ThriftType.I32: h.Encoding = (ParquetEncoding)r.ReadI32(); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
    }

    private static void ReadDataPageHeaderV2(ref ThriftCompactReader r, PageHeader h)
    {
        r.BeginStruct();
        while (r.NextField(out var id, out var t))
        {
            switch (id)
            {
                case 1 when t == ThriftType.I32: h.NumValues = r.ReadI32(); break;
                case 2 when t == ThriftType.I32: h.NumNulls = r.ReadI32(); break;
                case 3 when t == ThriftType.I32: h.NumRows = r.ReadI32(); break;
                case 4 when t == ThriftType.I32: h.Encoding = (ParquetEncoding)r.ReadI32(); break;
                case 5 when t == ThriftType.I32: h.DefinitionLevelsLength = r.ReadI32(); break;
                case 6 when t == ThriftType.I32: h.RepetitionLevelsLength = r.ReadI32(); break;
                case 7 when t is ThriftType.True or ThriftType.False: h.IsCompressed = r.ReadBool(t); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
    }
}
