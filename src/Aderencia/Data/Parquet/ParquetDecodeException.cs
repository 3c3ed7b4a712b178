namespace Aderencia.Data.Parquet;

/// <summary>Malformed page content; the reader adds file, column and row group and rethrows as DataFormatException.</summary>
internal sealed class ParquetDecodeException(string message) : Exception(message);
