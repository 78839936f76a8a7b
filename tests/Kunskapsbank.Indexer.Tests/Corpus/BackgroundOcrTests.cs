using System.Diagnostics;
using Kunskapsbank.Indexer.Corpus;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Tests.Extraction;
using Xunit.Abstractions;

namespace Kunskapsbank.Indexer.Tests.Corpus;

/// <summary>Scanned PDFs are read by the background OCR queue with the real pdftoppm and tesseract, while the sync goes
/// on with the other files.</summary>
public sealed class BackgroundOcrTests(ITestOutputHelper output)
{
    // A page takes 3–5 s alone; the tools run at nice 19 on a machine shared with parallel tests and builds.
    private static readonly ExtractionLimits Limits = ExtractionLimits.Default with { OcrPageTimeout = TimeSpan.FromMinutes(3) };

    // Long enough for OCR of a few pages on a busy machine; only reached when something hangs.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public void Scanned_pdf_is_listed_as_being_read_and_becomes_searchable_when_ocr_is_done()
    {
        using var corpus = new TestCorpus { Limits = Limits };
        corpus.Copy("kallelse-skannad.pdf", "pdf", "kallelse-skannad.pdf");
        corpus.WriteMarkdown("rutin.md", "Rutin", "Text om kvinnojour.");

        var report = corpus.Sync();

        Assert.Equal((1, 1), (report.Indexed, report.WaitingForOcr));
        Assert.Empty(report.Failed);
        var waiting = corpus.Index.Corpus.GetReport().Files.Single(f => f.Path == "kallelse-skannad.pdf");
        Assert.Equal(FileStates.Ocr, waiting.State);
        Assert.Null(waiting.DocumentId);
        Assert.Equal(2, waiting.Ocr!.Total);
        Assert.Matches("^(OCR pågår, sida [12] av 2|Väntar på OCR, 2 sidor)$", waiting.Ocr.Message);

        WaitForOcr(corpus);

        var hit = corpus.Search("skyddsvistelse").Hits.Single();
        Assert.Equal("kallelse-skannad.pdf", hit.Path);
        Assert.All(hit.Passages, p => Assert.True(p.IsOcr));
        var document = corpus.Index.Search.GetDocument(hit.Id)!;
        Assert.Equal([1, 2], document.Passages.Select(p => p.Page ?? 0).Distinct());
        Assert.All(document.Passages, p => Assert.True(p.IsOcr));
        var done = corpus.Index.Corpus.GetReport().Files.Single(f => f.Path == "kallelse-skannad.pdf");
        Assert.Equal((FileStates.Indexed, hit.Id), (done.State, done.DocumentId!.Value));
        Assert.Equal("OCR klar, 2 sidor lästa", done.Ocr?.Message);
        Assert.Contains(corpus.Index.Corpus.GetReport().RecentChanges, c => c.Kind == ChangeKinds.Added && c.Path == "kallelse-skannad.pdf");
        Assert.Empty(IndexChecker.Check(corpus.IndexPath));
        Assert.False(File.Exists(Path.Combine(corpus.IndexPath, OcrProgressFile.FileName)));
    }

    [Fact]
    public void Mixed_pdf_is_searchable_by_its_text_pages_at_once_and_by_its_scan_after_the_next_start_reads_it()
    {
        using var corpus = new TestCorpus { Limits = Limits, RunOcr = false };
        corpus.Copy("blandad.pdf", "pdf", "blandad-text-och-skanning.pdf");

        var first = corpus.Sync();

        Assert.Equal((1, 1), (first.Indexed, first.WaitingForOcr));
        var id = corpus.Search("passmyndigheten").Hits.Single().Id;
        Assert.Empty(corpus.Search("skyddsvistelse").Hits);
        var waiting = corpus.Index.Corpus.GetReport().Files.Single();
        Assert.Equal((FileStates.Ocr, id), (waiting.State, waiting.DocumentId!.Value));
        Assert.Equal("Väntar på OCR, 1 sida", waiting.Ocr?.Message);
        Assert.Empty(IndexChecker.Check(corpus.IndexPath));

        corpus.Reopen();
        corpus.RunOcr = true;
        var next = corpus.Sync();
        WaitForOcr(corpus);

        Assert.Equal((0, 1, 1), (next.Indexed, next.Unchanged, next.WaitingForOcr));
        var hit = corpus.Search("skyddsvistelse").Hits.Single();
        Assert.Equal(id, hit.Id);
        Assert.Contains(hit.Passages, p => p.Page == 3 && p.IsOcr);
        Assert.All(corpus.Search("passmyndigheten").Hits.Single().Passages, p => Assert.False(p.IsOcr));
        Assert.Equal(FileStates.Indexed, corpus.Index.Corpus.GetReport().Files.Single().State);
        Assert.Empty(IndexChecker.Check(corpus.IndexPath));
    }

    [Fact]
    public void A_text_file_dropped_during_the_ocr_of_a_200_page_scan_is_searchable_while_the_ocr_goes_on()
    {
        using var corpus = new TestCorpus { Limits = Limits };
        LongScan.Write(corpus.FullPath("skannad-200-sidor.pdf"), 200);
        var clock = Stopwatch.StartNew();

        var report = corpus.Sync();

        output.WriteLine($"Sync of the 200-page scan: {clock.ElapsedMilliseconds} ms");
        Assert.Equal(1, report.WaitingForOcr);
        WaitUntilReading(corpus, "skannad-200-sidor.pdf");
        var text = corpus.WriteMarkdown("ny-rutin.md", "Ny rutin", "Rutinen gäller vid misstanke om kvinnofridsbrott.");
        clock.Restart();
        var dropped = corpus.Index.Corpus.SyncPaths([text], CancellationToken.None);
        output.WriteLine($"Sync of the dropped text file during OCR: {clock.ElapsedMilliseconds} ms");

        Assert.Equal(1, dropped.Indexed);
        Assert.Equal("ny-rutin.md", corpus.Search("kvinnofridsbrott").Hits.Single().Path);
        var scan = corpus.Index.Ocr.Status().Files.Single();
        Assert.Equal("skannad-200-sidor.pdf", scan.Path);
        Assert.False(scan.Progress.Waiting);
        Assert.True(scan.Progress.Done < 200, scan.Progress.Message);
        Assert.Equal(FileStates.Ocr, corpus.Index.Corpus.GetReport().Files.Single(f => f.Path == "skannad-200-sidor.pdf").State);
    }

    [Fact]
    public void A_scan_deleted_during_its_ocr_cancels_the_job()
    {
        using var corpus = new TestCorpus { Limits = Limits };
        var scan = LongScan.Write(corpus.FullPath("skannad-200-sidor.pdf"), 200);
        corpus.Sync();
        WaitUntilReading(corpus, "skannad-200-sidor.pdf");

        File.Delete(scan);
        corpus.Index.Corpus.SyncPaths([scan], CancellationToken.None);
        WaitForOcr(corpus);

        Assert.Empty(corpus.Index.Corpus.GetReport().Files);
        Assert.Empty(IndexChecker.Check(corpus.IndexPath));
    }

    [Fact]
    public void A_scan_changed_during_its_ocr_is_read_again_with_its_new_content()
    {
        using var corpus = new TestCorpus { Limits = Limits };
        var scan = LongScan.Write(corpus.FullPath("kallelse.pdf"), 200);
        corpus.Sync();
        WaitUntilReading(corpus, "kallelse.pdf");

        File.Copy(TestData.PathOf("pdf", "kallelse-skannad.pdf"), scan, overwrite: true);
        File.SetLastWriteTimeUtc(scan, DateTime.UtcNow.AddMinutes(1));
        var changed = corpus.Index.Corpus.SyncPaths([scan], CancellationToken.None);
        WaitForOcr(corpus);

        Assert.Equal(1, changed.WaitingForOcr);
        var hit = corpus.Search("protokollet skickas till deltagarna").Hits.Single();
        Assert.Equal([1, 2], corpus.Index.Search.GetDocument(hit.Id)!.Passages.Select(p => p.Page ?? 0).Distinct());
        var file = corpus.Index.Corpus.GetReport().Files.Single();
        Assert.Equal((FileStates.Indexed, "OCR klar, 2 sidor lästa"), (file.State, file.Ocr?.Message));
    }

    [Fact]
    public void Ocr_cut_short_by_a_crash_is_queued_again_by_the_next_start_and_stops_at_the_page_cap_with_a_note()
    {
        using var corpus = new TestCorpus { Limits = Limits };
        LongScan.Write(corpus.FullPath("skannad-200-sidor.pdf"), 200);
        corpus.Sync();
        WaitUntilReading(corpus, "skannad-200-sidor.pdf");

        // Closing kills the OCR tools half-way, as a crash would; the ledger still says `ocr`.
        corpus.Reopen();
        corpus.RunOcr = false;
        Assert.Equal("Väntar på OCR, 200 sidor", corpus.Index.Corpus.GetReport().Files.Single().Ocr?.Message);
        corpus.Reopen();
        corpus.RunOcr = true;
        corpus.Limits = Limits with { MaxOcrPages = 1 };
        var restart = corpus.Sync();
        WaitForOcr(corpus);

        Assert.Equal(1, restart.WaitingForOcr);
        var document = corpus.Index.Corpus.GetReport().Documents.Single();
        Assert.Contains("200 sidor är inskannade; 1 lästes med OCR. Sidorna från och med sida 2 är inte sökbara ännu (gränsen är 1 sida per fil).", document.Problems);
        Assert.Equal("skannad-200-sidor.pdf", corpus.Search("skyddsvistelse").Hits.Single().Path);
    }

    [Fact]
    public void Report_in_a_read_only_process_shows_how_far_the_ocr_of_the_writing_process_has_come()
    {
        using var corpus = new TestCorpus { Limits = Limits };
        LongScan.Write(corpus.FullPath("skannad-200-sidor.pdf"), 200);
        corpus.Sync();
        WaitUntilReading(corpus, "skannad-200-sidor.pdf");

        using var reader = KunskapsbankIndex.Open(new IndexOptions(corpus.IndexPath, corpus.CorpusPath) { ReadOnly = true });
        var clock = Stopwatch.StartNew();
        ReportedFile file;
        while ((file = reader.Corpus.GetReport().Files.Single()).Ocr?.Waiting != false && clock.Elapsed < Patience)
        {
            // The writer publishes its progress a moment after it starts reading.
            Thread.Sleep(50);
        }

        Assert.Equal(FileStates.Ocr, file.State);
        Assert.Matches("^OCR pågår, sida [0-9]+ av 200$", file.Ocr?.Message);
        corpus.Reopen();
        Assert.Equal("Väntar på OCR, 200 sidor", reader.Corpus.GetReport().Files.Single().Ocr?.Message);
    }

    private static void WaitForOcr(TestCorpus corpus)
    {
        using var patience = new CancellationTokenSource(Patience);
        corpus.Index.Ocr.WaitUntilIdle(null, patience.Token);
    }

    private static void WaitUntilReading(TestCorpus corpus, string path)
    {
        var clock = Stopwatch.StartNew();
        while (!corpus.Index.Ocr.Status().Files.Any(f => f.Path == path && !f.Progress.Waiting))
        {
            Assert.True(clock.Elapsed < Patience, "OCR never started");
            Thread.Sleep(50);
        }
    }
}
