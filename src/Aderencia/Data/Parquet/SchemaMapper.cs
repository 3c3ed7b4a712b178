namespace Aderencia.Data.Parquet;

/// <summary>Maps the flattened Parquet schema to table columns, one leaf per supported top-level column.</summary>
internal static class SchemaMapper
{
    private const int MaxNesting = 32;

    public sealed record Result(IReadOnlyList<LeafColumn> Columns, IReadOnlyDictionary<string, string> Unsupported, int LeafCount);

    public static Result Map(IReadOnlyList<SchemaElement> schema)
    {
        if (schema.Count == 0) throw new ThriftException("the schema is empty");
        var columns = new List<LeafColumn>();
        var unsupported = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int next = 1, leaf = 0;
        int topLevel = schema[0].NumChildren;
        if (topLevel < 0 || topLevel > schema.Count - 1) throw new ThriftException("the schema's root declares more children than it has");
        for (int c = 0; c < topLevel; c++)
        {
            if (next >= schema.Count) throw new ThriftException("the schema ends early");
            int start = next, firstLeaf = leaf;
            var node = schema[start];
            next = SkipSubtree(schema, start, 0, ref leaf);
            try
            {
                var col = MapTopLevel(schema, start, firstLeaf, leaf - firstLeaf);
                columns.Add(col);
            }
            catch (UnsupportedColumnException e)
            {
                unsupported[node.Name] = e.Message;
            }
        }
        return new Result(columns, unsupported, leaf);
    }

    private static int SkipSubtree(IReadOnlyList<SchemaElement> schema, int index, int depth, ref int leaves)
    {
        if (depth > MaxNesting) throw new ThriftException("the schema is nested too deeply");
        if (index >= schema.Count) throw new ThriftException("the schema ends early");
        var e = schema[index];
        if (e.NumChildren <= 0)
        {
            if (e.Type is null) throw new ThriftException($"schema element '{e.Name}' has neither a type nor children");
            leaves++;
            return index + 1;
        }
        int next = index + 1;
        for (int i = 0; i < e.NumChildren; i++) next = SkipSubtree(schema, next, depth + 1, ref leaves);
        return next;
    }

    private static LeafColumn MapTopLevel(IReadOnlyList<SchemaElement> schema, int index, int chunkIndex, int leafCount)
    {
        var e = schema[index];
        if (e.NumChildren <= 0)
        {
            var (kind, conv, precision, scale, unit) = MapPrimitive(e);
            if (e.Repetition == Repetition.Repeated)
            {
                // Legacy: a repeated primitive at top level is a list of required elements that is never null.
                return new LeafColumn
                {
                    Schema = new ColumnSchema(e.Name, DataKind.List, false)
                    {
                        Element = new ColumnSchema("element", kind, false) { Precision = precision, Scale = scale, Unit = unit },
                    },
                    ChunkIndex = chunkIndex, Path = [e.Name], Converter = conv,
                    MaxDefinition = 1, MaxRepetition = 1, ListDefinition = 0, ElementDefinition = 1,
                };
            }
            bool nullable = e.Repetition != Repetition.Required;
            return new LeafColumn
            {
                Schema = new ColumnSchema(e.Name, kind, nullable) { Precision = precision, Scale = scale, Unit = unit },
                ChunkIndex = chunkIndex, Path = [e.Name], Converter = conv,
                MaxDefinition = nullable ? 1 : 0, MaxRepetition = 0,
            };
        }

        bool isList = e.Logical == LogicalKind.List || e.Converted == ConvertedType.List;
        if (!isList)
        {
            string what = e.Logical == LogicalKind.Map || e.Converted is ConvertedType.Map or ConvertedType.MapKeyValue ? "map" : "struct";
            throw new UnsupportedColumnException($"{what} columns are not supported; only lists of primitive values are");
        }
        if (leafCount != 1 || e.NumChildren != 1)
            throw new UnsupportedColumnException("lists of structs, maps or lists are not supported; only lists of primitive values are");
        if (e.Repetition == Repetition.Repeated) throw new UnsupportedColumnException("a repeated LIST group is not supported");

        int listDef = e.Repetition == Repetition.Optional ? 1 : 0;
        var repeated = schema[index + 1];
        if (repeated.Repetition != Repetition.Repeated)
            throw new UnsupportedColumnException("the LIST group's child is not repeated");

        SchemaElement element;
        string[] path;
        int maxDef;
        bool elementNullable;
        if (repeated.NumChildren <= 0)
        {
            // Legacy two-level list: the repeated primitive is the element itself.
            element = repeated;
            path = [e.Name, repeated.Name];
            maxDef = listDef + 1;
            elementNullable = false;
        }
        else
        {
            // Standard three-level list, also pyarrow's older "array"/"item" naming of the same shape.
            element = schema[index + 2];
            if (element.NumChildren > 0 || element.Repetition == Repetition.Repeated)
                throw new UnsupportedColumnException("nested lists are not supported");
            path = [e.Name, repeated.Name, element.Name];
            elementNullable = element.Repetition == Repetition.Optional;
            maxDef = listDef + 1 + (elementNullable ? 1 : 0);
        }
        var (ek, ec, ep, es, eu) = MapPrimitive(element);
        return new LeafColumn
        {
            Schema = new ColumnSchema(e.Name, DataKind.List, listDef == 1)
            {
                Element = new ColumnSchema("element", ek, elementNullable) { Precision = ep, Scale = es, Unit = eu },
            },
            ChunkIndex = chunkIndex, Path = path, Converter = ec,
            MaxDefinition = maxDef, MaxRepetition = 1, ListDefinition = listDef, ElementDefinition = listDef + 1,
        };
    }

    private static (DataKind, ValueConverter, int, int, TimeUnit) MapPrimitive(SchemaElement e)
    {
        var type = e.Type ?? throw new UnsupportedColumnException("the column has no physical type");
        int len = e.TypeLength;
        var logical = e.Logical;
        var conv = e.Converted;
        bool isDecimal = logical == LogicalKind.Decimal || conv == ConvertedType.Decimal;
        if (isDecimal)
        {
            if (e.Precision > 28)
                throw new UnsupportedColumnException($"decimal({e.Precision},{e.Scale}) exceeds the 28 digits of System.Decimal; cast the column to a smaller precision or to double before saving");
            if (e.Scale < 0 || e.Scale > 28 || e.Scale > Math.Max(e.Precision, 0))
                throw new UnsupportedColumnException($"decimal scale {e.Scale} is invalid");
            if (type is not (PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.FixedLenByteArray or PhysicalType.ByteArray))
                throw new UnsupportedColumnException($"decimal stored as {type} is not supported");
            return (DataKind.Decimal, new ValueConverter(type, len, ValueConverter.Target.Decimal, e.Scale), e.Precision, e.Scale, TimeUnit.Micros);
        }
        if (type == PhysicalType.FixedLenByteArray && (len <= 0 || len > 1 << 20))
            throw new UnsupportedColumnException($"fixed-length byte array of length {len} is invalid");

        switch (type)
        {
            case PhysicalType.Boolean:
                return Simple(DataKind.Boolean, type, len, ValueConverter.Target.Plain);
            case PhysicalType.Int32:
                if (logical == LogicalKind.Date || conv == ConvertedType.Date)
                    return Simple(DataKind.Date, type, len, ValueConverter.Target.Date);
                if (conv == ConvertedType.Uint32 || (logical == LogicalKind.Integer && !e.IntSigned && e.IntBitWidth == 32))
                    return Simple(DataKind.Int64, type, len, ValueConverter.Target.UInt32);
                return Simple(DataKind.Int32, type, len, ValueConverter.Target.Plain);
            case PhysicalType.Int64:
            {
                TimeUnit? unit = logical == LogicalKind.Timestamp ? e.LogicalUnit
                    : conv == ConvertedType.TimestampMillis ? TimeUnit.Millis
                    : conv == ConvertedType.TimestampMicros ? TimeUnit.Micros
                    : null;
                if (unit is { } u)
                    return (DataKind.Timestamp, new ValueConverter(type, len, ValueConverter.Target.Timestamp, 0, u), 0, 0, u);
                return Simple(DataKind.Int64, type, len, ValueConverter.Target.Plain);
            }
            case PhysicalType.Int96:
                return (DataKind.Timestamp, new ValueConverter(type, 12, ValueConverter.Target.Timestamp, 0, TimeUnit.Nanos), 0, 0, TimeUnit.Nanos);
            case PhysicalType.Float:
                return Simple(DataKind.Float, type, len, ValueConverter.Target.Plain);
            case PhysicalType.Double:
                return Simple(DataKind.Double, type, len, ValueConverter.Target.Plain);
            case PhysicalType.ByteArray:
                bool text = logical is LogicalKind.String or LogicalKind.Enum or LogicalKind.Json
                    || conv is ConvertedType.Utf8 or ConvertedType.Enum or ConvertedType.Json;
                return text
                    ? Simple(DataKind.String, type, len, ValueConverter.Target.String)
                    : Simple(DataKind.Binary, type, len, ValueConverter.Target.Binary);
            case PhysicalType.FixedLenByteArray:
                return logical == LogicalKind.Uuid && len == 16
                    ? Simple(DataKind.String, type, len, ValueConverter.Target.Uuid)
                    : Simple(DataKind.Binary, type, len, ValueConverter.Target.Binary);
            default:
                throw new UnsupportedColumnException($"physical type {(int)type} is unknown");
        }
    }

    private static (DataKind, ValueConverter, int, int, TimeUnit) Simple(DataKind kind, PhysicalType type, int len, ValueConverter.Target target) =>
        (kind, new ValueConverter(type, len, target), 0, 0, TimeUnit.Micros);

    private sealed class UnsupportedColumnException(string message) : Exception(message);
}
