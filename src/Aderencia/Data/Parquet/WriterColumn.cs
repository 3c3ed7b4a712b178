namespace Aderencia.Data.Parquet;

/// <summary>How one table column is laid out in the file: its schema elements and physical leaf.</summary>
internal sealed class WriterColumn
{
    private WriterColumn(ColumnSchema schema, ColumnSchema leafSchema, SchemaElement leaf, SchemaElement[] elements, string[] path)
    {
        Schema = schema;
        LeafSchema = leafSchema;
        Leaf = leaf;
        Elements = elements;
        Path = path;
    }

    public ColumnSchema Schema { get; }

    /// <summary>The schema of the stored values: the column itself, or a list's element.</summary>
    public ColumnSchema LeafSchema { get; }

    public SchemaElement Leaf { get; }
    public SchemaElement[] Elements { get; }
    public string[] Path { get; }
    public PhysicalType Physical => Leaf.Type!.Value;
    public bool IsList => Schema.Kind == DataKind.List;

    /// <summary>Bytes of a FIXED_LEN_BYTE_ARRAY decimal.</summary>
    public int TypeLength => Leaf.TypeLength;

    public int MaxDefinition => IsList ? (Schema.Nullable ? 1 : 0) + 1 + (LeafSchema.Nullable ? 1 : 0) : Schema.Nullable ? 1 : 0;
    public int ListDefinition => Schema.Nullable ? 1 : 0;

    public static WriterColumn Create(ColumnSchema schema)
    {
        if (schema.Kind != DataKind.List)
        {
            var leaf = Primitive(schema, schema.Name, schema.Nullable);
            return new WriterColumn(schema, schema, leaf, [leaf], [schema.Name]);
        }
        var element = schema.Element ?? throw new ArgumentException($"list column '{schema.Name}' has no element schema");
        if (element.Kind == DataKind.List) throw new NotSupportedException($"column '{schema.Name}': lists of lists cannot be written");
        var group = new SchemaElement
        {
            Name = schema.Name, Repetition = schema.Nullable ? Repetition.Optional : Repetition.Required,
            NumChildren = 1, Converted = ConvertedType.List, Logical = LogicalKind.List,
        };
        var repeated = new SchemaElement { Name = "list", Repetition = Repetition.Repeated, NumChildren = 1 };
        var item = Primitive(element, "element", element.Nullable);
        return new WriterColumn(schema, element, item, [group, repeated, item], [schema.Name, "list", "element"]);
    }

    private static SchemaElement Primitive(ColumnSchema s, string name, bool nullable)
    {
        var e = new SchemaElement { Name = name, Repetition = nullable ? Repetition.Optional : Repetition.Required };
        switch (s.Kind)
        {
            case DataKind.Boolean: e.Type = PhysicalType.Boolean; break;
            case DataKind.Int32: e.Type = PhysicalType.Int32; break;
            case DataKind.Int64: e.Type = PhysicalType.Int64; break;
            case DataKind.Float: e.Type = PhysicalType.Float; break;
            case DataKind.Double: e.Type = PhysicalType.Double; break;
            case DataKind.Binary: e.Type = PhysicalType.ByteArray; break;
            case DataKind.String:
                e.Type = PhysicalType.ByteArray;
                e.Logical = LogicalKind.String;
                e.Converted = ConvertedType.Utf8;
                break;
            case DataKind.Date:
                e.Type = PhysicalType.Int32;
                e.Logical = LogicalKind.Date;
                e.Converted = ConvertedType.Date;
                break;
            case DataKind.Timestamp:
                e.Type = PhysicalType.Int64;
                e.Logical = LogicalKind.Timestamp;
                e.LogicalUnit = s.Unit;
                e.Converted = s.Unit switch
                {
                    TimeUnit.Millis => ConvertedType.TimestampMillis,
                    TimeUnit.Micros => ConvertedType.TimestampMicros,
                    _ => ConvertedType.None,
                };
                break;
            case DataKind.Decimal:
                int precision = s.Precision is > 0 and <= 28 ? s.Precision : 28;
                if (s.Scale < 0 || s.Scale > precision)
                    throw new ArgumentException($"column '{s.Name}': decimal scale {s.Scale} is invalid for precision {precision}");
                e.Logical = LogicalKind.Decimal;
                e.Converted = ConvertedType.Decimal;
                e.Precision = precision;
                e.Scale = s.Scale;
                if (precision <= 9) e.Type = PhysicalType.Int32;
                else if (precision <= 18) e.Type = PhysicalType.Int64;
                else
                {
                    e.Type = PhysicalType.FixedLenByteArray;
                    e.TypeLength = DecimalBytes(precision);
                }
                break;
            default:
                throw new NotSupportedException($"column '{s.Name}': {s.Kind} values cannot be written to Parquet");
        }
        return e;
    }

    /// <summary>Fewest two's-complement bytes that hold every unscaled value of the precision.</summary>
    private static int DecimalBytes(int precision)
    {
        var max = System.Numerics.BigInteger.Pow(10, precision);
        int n = 1;
        while (System.Numerics.BigInteger.Pow(2, 8 * n - 1) < max) n++;
        return n;
    }
}
