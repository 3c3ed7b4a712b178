using Aderencia.Evaluation;
using Aderencia.IO;

namespace Aderencia.Reports;

/// <summary>Writes a report atomically, choosing HTML or Markdown by the file's extension.</summary>
public static class ReportFile
{
    public static bool IsMarkdown(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".md" or ".markdown" => true,
            ".html" or ".htm" or ".xhtml" => false,
            var ext => throw new ArgumentException($"report file {path}: unknown extension '{ext}'; use .html or .md"),
        };

    public static void WriteEvaluation(string path, EvaluationResult result, string title, IEnumerable<string>? context = null)
    {
        bool md = IsMarkdown(path);
        AtomicFile.WriteAllText(path, md ? EvaluationReport.Markdown(result, title, context) : EvaluationReport.Html(result, title, context));
    }
}
