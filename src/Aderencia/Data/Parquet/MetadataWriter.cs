namespace Aderencia.Data.Parquet;

/// <summary>Serializes the footer and page headers with the Thrift compact protocol.</summary>
internal static class MetadataWriter
{
    public static void WritePageHeader(ThriftCompactWriter w, PageHeader h)
    {
        w.BeginElement();
        w.I32(1, (int)h.Type);
        w.I32(2, h.UncompressedSize);
        w.I32(3, h.CompressedSize);
        if (h.Type == PageType.DictionaryPage)
        {
            w.BeginStruct(7);
            w.I32(1, h.NumValues);
            w.I32(2, (int)h.Encoding);
            w.EndStruct();
        }
        else
        {
            w.BeginStruct(5);
            w.I32(1, h.NumValues);
            w.I32(2, (int)h.Encoding);
            w.I32(3, (int)ParquetEncoding.Rle);
            w.I32(4, (int)ParquetEncoding.Rle);
            w.EndStruct();
        }
        w.EndStruct();
    }

    public static void WriteFileMetadata(ThriftCompactWriter w, FileMetadata m)
    {
        w.BeginElement();
        w.I32(1, m.Version);
        w.BeginList(2, ThriftType.Struct, m.Schema.Count);
        foreach (var e in m.Schema) WriteSchemaElement(w, e);
        w.I64(3, m.NumRows);
        w.BeginList(4, ThriftType.Struct, m.RowGroups.Count);
        foreach (var g in m.RowGroups) WriteRowGroup(w, g);
        if (m.CreatedBy is not null) w.String(6, m.CreatedBy);
        w.EndStruct();
    }

    private static void WriteSchemaElement(ThriftCompactWriter w, SchemaElement e)
    {
        w.BeginElement();
        if (e.Type is { } t) w.I32(1, (int)t);
        if (e.Type == PhysicalType.FixedLenByteArray) w.I32(2, e.TypeLength);
        if (e.Repetition is { } r) w.I32(3, (int)r);
        w.String(4, e.Name);
        if (e.NumChildren > 0) w.I32(5, e.NumChildren);
        if (e.Converted != ConvertedType.None) w.I32(6, (int)e.Converted);
        if (e.Logical == LogicalKind.Decimal)
        {
            w.I32(7, e.Scale);
            w.I32(8, e.Precision);
        }
        if (e.Logical != LogicalKind.None) WriteLogicalType(w, e);
        w.EndStruct();
    }

    private static void WriteLogicalType(ThriftCompactWriter w, SchemaElement e)
    {
        w.BeginStruct(10);
        switch (e.Logical)
        {
            case LogicalKind.Decimal:
                w.BeginStruct(5);
                w.I32(1, e.Scale);
                w.I32(2, e.Precision);
                w.EndStruct();
                break;
            case LogicalKind.Timestamp:
                w.BeginStruct(8);
                w.Bool(1, true);
                w.BeginStruct(2);
                w.EmptyStruct(e.LogicalUnit switch { TimeUnit.Millis => 1, TimeUnit.Micros => 2, _ => 3 });
                w.EndStruct();
                w.EndStruct();
                break;
            default:
                w.EmptyStruct((short)e.Logical);
                break;
        }
        w.EndStruct();
    }

    private static void WriteRowGroup(ThriftCompactWriter w, RowGroupMetadata g)
    {
        w.BeginElement();
        w.BeginList(1, ThriftType.Struct, g.Columns.Count);
        long compressed = 0;
        foreach (var c in g.Columns)
        {
            long start = c.DictionaryPageOffset ?? c.DataPageOffset;
            w.BeginElement();
            w.I64(2, start);
            w.BeginStruct(3);
            w.I32(1, (int)c.Type);
            w.BeginList(2, ThriftType.I32, c.Encodings.Count);
            foreach (var enc in c.Encodings) w.I32Value((int)enc);
            w.BeginList(3, ThriftType.Binary, c.Path.Length);
            foreach (var p in c.Path) w.StringValue(p);
            w.I32(4, (int)c.Codec);
            w.I64(5, c.NumValues);
            w.I64(6, c.TotalUncompressedSize);
            w.I64(7, c.TotalCompressedSize);
            w.I64(9, c.DataPageOffset);
            if (c.DictionaryPageOffset is { } d) w.I64(11, d);
            if (c.NullCount is { } nulls)
            {
                w.BeginStruct(12);
                w.I64(3, nulls);
                w.EndStruct();
            }
            w.EndStruct();
            w.EndStruct();
            compressed += c.TotalCompressedSize;
        }
        w.I64(2, g.TotalByteSize);
        w.I64(3, g.NumRows);
        if (g.Columns.Count > 0) w.I64(5, g.Columns[0].DictionaryPageOffset ?? g.Columns[0].DataPageOffset);
        w.I64(6, compressed);
        w.EndStruct();
    }
}
