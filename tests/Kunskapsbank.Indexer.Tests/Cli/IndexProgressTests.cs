using Kunskapsbank.Indexer.Cli;
using Kunskapsbank.Indexer.Corpus;
using Kunskapsbank.Indexer.Extraction.Ocr;
using Kunskapsbank.Indexer.Tests.Corpus;
using Microsoft.Extensions.Time.Testing;

namespace Kunskapsbank.Indexer.Tests.Cli;

/// <summary>`index` shows how far it has come: plain lines in a pipe or log, a live bar on a terminal.</summary>
public sealed class IndexProgressTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private static string Thousands => SwedishText.Culture.NumberFormat.NumberGroupSeparator;

    [Fact]
    public void PlainProgress_WritesTheFirstLineThenAtMostOneLinePerIntervalThenTheLast()
    {
        var clock = new FakeTimeProvider();
        using var log = new StringWriter();
        var progress = new PlainIndexProgress(log, clock, Interval);

        progress.Report(new SyncProgress(0, 10_000, null, SyncStage.Checking));
        progress.Report(new SyncProgress(10_000, 10_000, null, SyncStage.Checking));
        progress.Report(new SyncProgress(0, 10_000, "a.pdf"));
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(new SyncProgress(200, 10_000, "b.pdf"));
        clock.Advance(TimeSpan.FromSeconds(4));
        progress.Report(new SyncProgress(1_000, 10_000, "c.pdf"));
        clock.Advance(TimeSpan.FromSeconds(45));
        progress.Report(new SyncProgress(10_000, 10_000, "d.pdf"));
        progress.Report(new SyncProgress(10_000, 10_000, null, SyncStage.Saving));

        var lines = log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                $"Jämför med indexet: 0 av 10{Thousands}000 filer (0 %)",
                $"Jämför med indexet: 10{Thousands}000 av 10{Thousands}000 filer (100 %)",
                $"Läser in filer: 0 av 10{Thousands}000 filer (0 %)",
                $"Läser in filer: 1{Thousands}000 av 10{Thousands}000 filer (10 %), 200 filer/s, ca 45 s kvar",
                $"Läser in filer: 10{Thousands}000 av 10{Thousands}000 filer (100 %), 200 filer/s",
                "Sparar indexet …",
            ],
            lines);
    }

    [Fact]
    public void PlainProgress_OfOcr_WritesEachFileAndWhenItIsDone()
    {
        var clock = new FakeTimeProvider();
        using var log = new StringWriter();
        var progress = new PlainIndexProgress(log, clock, Interval);

        progress.ReportOcr("skannad.pdf", new OcrProgress(0, 3, 1));
        progress.ReportOcr("skannad.pdf", new OcrProgress(1, 3, 2));
        progress.ReportOcr("skannad.pdf", new OcrProgress(3, 3, 3));

        var lines = log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["OCR av skannad.pdf: OCR pågår, sida 1 av 3", "OCR av skannad.pdf: OCR klar, 3 sidor lästa"], lines);
    }

    [Fact]
    public void TerminalProgress_DrawsABarWithFilesDone()
    {
        using var terminal = new StringWriter();
        var console = new CliConsole(TextWriter.Null, terminal, TextReader.Null, OutIsTerminal: true, ErrorIsTerminal: true, NoColor: true);
        var progress = IndexProgress.For(console, TimeProvider.System, Interval);

        var result = progress.Show(p =>
        {
            p.Report(new SyncProgress(0, 3, "a.md"));
            p.Report(new SyncProgress(3, 3, "c.md"));
            return 42;
        });

        Assert.IsType<TerminalIndexProgress>(progress);
        Assert.Equal(42, result);
        var drawn = terminal.ToString();
        Assert.Contains("\u001b[", drawn, StringComparison.Ordinal);
        Assert.Contains("Läser in filer", drawn, StringComparison.Ordinal);
        Assert.Contains("3/3 filer", drawn, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_WithRedirectedOutput_WritesProgressAsPlainLinesOnStandardError()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");
        corpus.WriteMarkdown("b.md", "B", "Text om skyddat boende.");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CommandLine.Run(["index", corpus.CorpusPath, "--index", corpus.IndexPath], stdout, stderr, TextReader.Null);

        Assert.Equal(ExitCodes.Ok, code);
        var progress = stderr.ToString();
        Assert.Contains("Läser in filer: 2 av 2 filer (100 %)", progress, StringComparison.Ordinal);
        Assert.Contains("Sparar indexet …", progress, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', progress);
        Assert.StartsWith("Klart på ", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("2 indexerade, 0 oförändrade", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Index_Quiet_WritesOnlyTheSummary()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CommandLine.Run(["index", corpus.CorpusPath, "--index", corpus.IndexPath, "--tyst"], stdout, stderr, TextReader.Null);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Contains("1 indexerad,", stdout.ToString(), StringComparison.Ordinal);
    }
}
