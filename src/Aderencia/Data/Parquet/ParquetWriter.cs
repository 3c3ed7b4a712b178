using Aderencia.IO;

namespace Aderencia.Data.Parquet;

/// <summary>Writes table batches as Parquet row groups; the file appears only when <see cref="Complete"/> succeeds.</summary>
public sealed class ParquetWriter : ITableWriter
{
    public const string CreatedBy = "aderencia";

    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    private readonly AtomicFile _file;
    private readonly Stream _out;
    private readonly TableSchema _schema;
    private readonly ParquetWriterOptions _options;
    private readonly WriterColumn[] _columns;
    private readonly ColumnChunkWriter[] _writers;
    private readonly FileMetadata _meta = new() { CreatedBy = CreatedBy };
    private bool _completed;

    public ParquetWriter(string path, TableSchema schema, ParquetWriterOptions? options = null)
    {
        _options = options ?? new ParquetWriterOptions();
        if (_options.RowGroupSize <= 0 || _options.PageRowCount <= 0)
            throw new ArgumentException("RowGroupSize and PageRowCount must be positive");
        _schema = schema;
        _columns = schema.Columns.Select(WriterColumn.Create).ToArray();
        _writers = _columns.Select(c => new ColumnChunkWriter(c, _options)).ToArray();
        _meta.Schema.Add(new SchemaElement { Name = "schema", NumChildren = schema.Count });
        foreach (var c in _columns) _meta.Schema.AddRange(c.Elements);
        _file = new AtomicFile(path);
        _out = new BufferedStream(_file.Stream, 1 << 16);
        _out.Write(Magic);
    }

    public void Write(Table batch)
    {
        if (_completed) throw new InvalidOperationException("the writer is already complete");
        if (batch.Schema.Count != _schema.Count)
            throw new ArgumentException($"batch has {batch.Schema.Count} columns but the file has {_schema.Count}");
        for (int c = 0; c < _schema.Count; c++)
            if (!string.Equals(batch.Schema[c].Name, _schema[c].Name, StringComparison.Ordinal) || batch.Schema[c].Kind != _schema[c].Kind)
                throw new ArgumentException($"batch column {c} is {batch.Schema[c]} but the file expects {_schema[c]}");
        for (int start = 0; start < batch.RowCount; start += _options.RowGroupSize)
            WriteRowGroup(batch, start, Math.Min(_options.RowGroupSize, batch.RowCount - start));
    }

    private void WriteRowGroup(Table batch, int start, int rows)
    {
        var group = new RowGroupMetadata { NumRows = rows };
        for (int c = 0; c < _columns.Length; c++)
        {
            var chunk = _writers[c].Write(_out, batch.Columns[c].Values, start, rows);
            group.Columns.Add(chunk);
            group.TotalByteSize += chunk.TotalUncompressedSize;
        }
        _meta.RowGroups.Add(group);
        _meta.NumRows += rows;
    }

    public void Complete()
    {
        if (_completed) return;
        var thrift = new ThriftCompactWriter();
        MetadataWriter.WriteFileMetadata(thrift, _meta);
        _out.Write(thrift.Written);
        Span<byte> len = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(len, thrift.Written.Length);
        _out.Write(len);
        _out.Write(Magic);
        _out.Flush();
        _file.Commit();
        _completed = true;
    }

    public void Dispose() => _file.Dispose();

    /// <summary>Writes one table to a file.</summary>
    public static void WriteTable(string path, Table table, ParquetWriterOptions? options = null)
    {
        using var w = new ParquetWriter(path, table.Schema, options);
        w.Write(table);
        w.Complete();
    }
}
