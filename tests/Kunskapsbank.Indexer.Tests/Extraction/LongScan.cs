using Kunskapsbank.Indexer.Extraction.Pdf;

namespace Kunskapsbank.Indexer.Tests.Extraction;

/// <summary>A long scanned PDF made for a test: copies of the scanned test page (qpdf, a test dependency), written to a
/// temp path so it stays out of git.</summary>
internal static class LongScan
{
    public static string Write(string path, int pages)
    {
        var source = TestData.PathOf("pdf", "kallelse-skannad.pdf");
        var qpdf = new ProcessRunner().Run("qpdf", ["--empty", "--pages", .. Enumerable.Repeat(new[] { source, "1" }, pages).SelectMany(a => a), "--", path], TimeSpan.FromSeconds(60), 4096, CancellationToken.None);
        Assert.Equal(0, qpdf.ExitCode);
        return path;
    }
}
