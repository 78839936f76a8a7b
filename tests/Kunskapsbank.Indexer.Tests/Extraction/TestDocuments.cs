using Kunskapsbank.Indexer.Extraction;

namespace Kunskapsbank.Indexer.Tests.Extraction;

/// <summary>Paths into tests/data/documents (copied next to the test binaries) and small helpers for the tests.</summary>
internal static class TestDocuments
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "data", "documents");

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static ExtractionLimits Limits { get; } = ExtractionLimits.Default with { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>For files read by OCR: a page takes 3–5 s alone, but the machine is shared with parallel tests and builds.</summary>
    public static ExtractionLimits OcrLimits { get; } = ExtractionLimits.Default with { Timeout = TimeSpan.FromMinutes(5), OcrPageTimeout = TimeSpan.FromMinutes(2) };

    public static ExtractedDocument ExtractOk(ITextExtractor extractor, string relative)
    {
        var result = extractor.Extract(PathOf(relative), Limits, CancellationToken.None);
        Assert.True(result.Succeeded, $"{relative}: {result.Failure?.Kind} {result.Failure?.Message}");
        return result.Document!;
    }

    public static string AllText(ExtractedDocument document) => string.Join("\n\n", document.Passages.Select(p => p.Text));

    /// <summary>A fresh temporary folder, deleted when disposed.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kunskapsbank-tests", Guid.NewGuid().ToString("N"));

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not worth failing a test for.
            }
        }
    }
}
