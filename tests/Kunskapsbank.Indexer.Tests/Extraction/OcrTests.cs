using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Extraction.Ocr;
using Kunskapsbank.Indexer.Extraction.Pdf;

namespace Kunskapsbank.Indexer.Tests.Extraction;

/// <summary>Scanned pages read with the real pdftoppm and tesseract (Swedish model).</summary>
public class OcrTests
{
    private static readonly Lazy<ExtractedDocument> Scan = new(() => RealisticPdfTests.ExtractPdf("pdf/kallelse-skannad.pdf"));

    private readonly PdfExtractor _extractor = new(new ProcessRunner());

    [Fact]
    public void Scanned_two_page_pdf_is_found_by_a_word_only_its_images_contain()
    {
        var document = Scan.Value;

        Assert.Equal([1, 2], document.Passages.Where(p => p.Text.Contains("skyddsvistelse", StringComparison.Ordinal)).Select(p => p.Page ?? 0).Distinct());
        Assert.All(document.Passages, p => Assert.True(p.IsOcr));
        Assert.Contains(document.Passages, p => p.Page == 2 && p.Text.Contains("Protokollet skickas till deltagarna", StringComparison.Ordinal));
    }

    [Fact]
    public void Mixed_pdf_reads_only_its_image_only_page_by_ocr()
    {
        var document = RealisticPdfTests.ExtractPdf("pdf/blandad-text-och-skanning.pdf");

        Assert.Equal([1, 2], document.Passages.Where(p => !p.IsOcr).Select(p => p.Page ?? 0).Distinct());
        Assert.Equal([3], document.Passages.Where(p => p.IsOcr).Select(p => p.Page ?? 0).Distinct());
        Assert.Contains(document.Passages, p => p.Page == 3 && p.Text.Contains("skyddsvistelse", StringComparison.Ordinal));
    }

    [Fact]
    public void Real_scanned_bill_becomes_searchable_text_with_page_numbers()
    {
        var document = RealisticPdfTests.ExtractPdf("documents/problematic/scanned-no-text-layer-prop-1991-92-43.pdf");

        Assert.Contains(document.Passages, p => p.Page == 1 && p.IsOcr && p.Text.Contains("Regeringens proposition", StringComparison.Ordinal));
        Assert.Contains(document.Passages, p => p.Page == 2 && p.IsOcr);
    }

    [Fact]
    public void With_no_ocr_pages_allowed_a_scan_is_reported_as_needing_ocr()
    {
        var limits = TestDocuments.OcrLimits with { MaxOcrPages = 0 };

        var result = _extractor.Extract(TestData.PathOf("pdf", "kallelse-skannad.pdf"), limits, CancellationToken.None);

        Assert.Equal(ExtractionFailureKind.NeedsOcr, result.Failure?.Kind);
        Assert.Contains("OCR (textigenkänning)", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ocr_reports_progress_page_by_page()
    {
        var ocr = new PdfOcr(new ProcessRunner());
        var reports = new List<OcrProgress>();
        var progress = new SynchronousProgress(reports.Add);

        var results = ocr.Read(TestData.PathOf("pdf", "kallelse-skannad.pdf"), [new OcrPageRequest(1, 595, 842), new OcrPageRequest(2, 595, 842)], Settings(), progress, CancellationToken.None);

        Assert.Equal([1, 2], results.Select(r => r.Page));
        Assert.All(results, r => Assert.Null(r.Problem));
        Assert.Equal(["OCR pågår, sida 1 av 2", "OCR pågår, sida 2 av 2", "OCR klar, 2 sidor lästa"], reports.Select(r => r.Message));
    }

    [Fact]
    public void Ocr_is_cancelled_at_once_and_leaves_no_temporary_files()
    {
        using var work = new TestDocuments.TempFolder();
        var ocr = new PdfOcr(new ProcessRunner(), work.Path);
        using var cancellation = new CancellationTokenSource();
        var reports = new List<OcrProgress>();
        var progress = new SynchronousProgress(report =>
        {
            reports.Add(report);
            cancellation.Cancel();
        });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            ocr.Read(TestData.PathOf("pdf", "kallelse-skannad.pdf"), [new OcrPageRequest(1, 595, 842), new OcrPageRequest(2, 595, 842)], Settings(), progress, cancellation.Token));

        // Cancelled as page 1 began: no page was finished, so the run stopped there instead of reading on.
        Assert.Equal(["OCR pågår, sida 1 av 2"], reports.Select(r => r.Message));
        Assert.Empty(Directory.EnumerateFileSystemEntries(work.Path));
    }

    [Fact]
    public void A_page_over_its_memory_limit_fails_alone_with_a_swedish_reason()
    {
        var ocr = new PdfOcr(new ProcessRunner());

        var results = ocr.Read(TestData.PathOf("pdf", "kallelse-skannad.pdf"), [new OcrPageRequest(1, 595, 842)], Settings() with { MaxMemoryBytes = 24L * 1024 * 1024 }, null, CancellationToken.None);

        var page = Assert.Single(results);
        Assert.Null(page.Layout);
        Assert.Equal("Sida 1 krävde mer minne än gränsen (24 MB) för OCR och hoppades över.", page.Problem);
    }

    [Fact]
    public void Scan_of_200_pages_is_read_up_to_its_limits_and_does_not_hold_the_run()
    {
        using var folder = new TestDocuments.TempFolder();
        var big = LongScan.Write(folder.File("skannad-200-sidor.pdf"), 200);
        var limits = TestDocuments.Limits with { Timeout = TimeSpan.FromSeconds(40), MaxOcrPages = 2 };
        var registry = ExtractorRegistry.CreateDefault();

        var result = registry.Extract(big, limits, CancellationToken.None);
        var small = registry.Extract(TestData.PathOf("pdf", "proposition-skydd-for-barn.pdf"), limits, CancellationToken.None);

        // The page cap, not the clock, bounds the run: at most two pages were read and the note says the rest wait.
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.InRange(result.Document!.Passages.Select(p => p.Page).Distinct().Count(), 1, 2);
        Assert.Contains(result.Document.Notes, n => n.StartsWith("200 sidor är inskannade;", StringComparison.Ordinal) && n.Contains("inte sökbara ännu", StringComparison.Ordinal));
        Assert.True(small.Succeeded);
    }

    private static OcrSettings Settings() => new(TimeSpan.FromMinutes(2), 1L << 30);

    /// <summary>Reports on the calling thread, so the test sees every report in order.</summary>
    private sealed class SynchronousProgress(Action<OcrProgress> report) : IProgress<OcrProgress>
    {
        public void Report(OcrProgress value) => report(value);
    }
}
