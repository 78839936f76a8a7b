using System.Text.Json;
using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Cli;

public sealed class EngineCommandTests
{
    private static (int Code, string Out, string Error) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Index_MissingCorpusFolder_ExitsWithOneAndASwedishMessage()
    {
        using var corpus = new TestCorpus();

        var (code, _, error) = Run("index", Path.Combine(corpus.Root, "finns-inte"), "--index", corpus.IndexPath);

        Assert.Equal(1, code);
        Assert.Contains("finns inte", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OfAFirstBuildKilledBeforeItsFirstCommit_SaysTheIndexIsEmptyAndPasses()
    {
        using var corpus = new TestCorpus();
        // What a kill -9 half a second into a first build leaves: the lock file and unfinished segment files, no commit.
        System.IO.Directory.CreateDirectory(corpus.IndexPath);
        File.WriteAllText(Path.Combine(corpus.IndexPath, "write.lock"), string.Empty);
        File.WriteAllBytes(Path.Combine(corpus.IndexPath, "_0.fdt"), [1, 2, 3]);

        var (code, output, _) = Run("check", "--index", corpus.IndexPath);

        Assert.Equal(0, code);
        Assert.Contains("är tomt: inget har sparats ännu", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OfAMissingFolder_FailsWithASwedishMessage()
    {
        using var corpus = new TestCorpus();

        var (code, _, error) = Run("check", "--index", Path.Combine(corpus.Root, "finns-inte"));

        Assert.Equal(1, code);
        Assert.Contains("Det finns inget index", error, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexThenSearch_PrintsSummaryAndJson()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Skyddat boende", "## Boende\n\nKvinnojouren ordnar skyddat boende.", "amne: [stod-och-behandling]");
        corpus.Write("trasig.pdf", "ingen pdf");

        var index = Run("index", corpus.CorpusPath, "--index", corpus.IndexPath, "--tyst");
        var search = Run("search", "kvinnojour", "--index", corpus.IndexPath, "--json");
        var report = Run("report", "--index", corpus.IndexPath);

        Assert.Equal(0, index.Code);
        Assert.Contains("1 indexerad,", index.Out, StringComparison.Ordinal);
        Assert.Contains("trasig.pdf", index.Out, StringComparison.Ordinal);
        Assert.Equal(0, search.Code);
        using var json = JsonDocument.Parse(search.Out);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        var hit = json.RootElement.GetProperty("hits")[0];
        Assert.Equal("a.md", hit.GetProperty("path").GetString());
        Assert.Contains("<mark>Kvinnojouren</mark>", hit.GetProperty("passages")[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Contains("Skyddat boende", search.Out, StringComparison.Ordinal);
        Assert.Equal(0, report.Code);
        Assert.Contains("trasig.pdf", report.Out, StringComparison.Ordinal);
        Assert.Contains("Ämne", report.Out, StringComparison.Ordinal);
        Assert.Contains("Stöd, behandling och insatser", report.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_WaitsForTheOcrOfAScan_UnlessToldToSkipIt_AndReportListsTheFileMeanwhile()
    {
        using var corpus = new TestCorpus();
        corpus.Copy("kallelse-skannad.pdf", "pdf", "kallelse-skannad.pdf");

        var skipped = Run("index", corpus.CorpusPath, "--index", corpus.IndexPath, "--tyst", "--utan-ocr");
        var waiting = Run("report", "--index", corpus.IndexPath);
        var complete = Run("index", corpus.CorpusPath, "--index", corpus.IndexPath, "--tyst");
        var search = Run("search", "skyddsvistelse", "--index", corpus.IndexPath, "--json");

        Assert.Equal((0, 0, 0), (skipped.Code, waiting.Code, complete.Code));
        Assert.Contains("0 indexerade, 0 oförändrade, 0 flyttade, 0 borttagna, 0 misslyckade, 1 väntar på OCR.", skipped.Out, StringComparison.Ordinal);
        Assert.Contains("1 fil med inskannade sidor väntar på OCR (--utan-ocr)", skipped.Out, StringComparison.Ordinal);
        Assert.Contains("0 dokument · 0 filer kunde inte indexeras · 1 fil läses med OCR.", waiting.Out, StringComparison.Ordinal);
        Assert.Matches("kallelse-skannad\\.pdf\\W+Väntar på OCR, 2 sidor", waiting.Out);
        Assert.Matches("OCR klar på [0-9 ,min]+ s: 1 fil, 2 sidor lästa", complete.Out);
        using var json = JsonDocument.Parse(search.Out);
        var passage = json.RootElement.GetProperty("hits")[0].GetProperty("passages")[0];
        Assert.True(passage.GetProperty("isOcr").GetBoolean());
    }

    [Fact]
    public void Search_UnknownFacet_ExitsWithTwoAndASwedishMessage()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text.");
        Run("index", corpus.CorpusPath, "--index", corpus.IndexPath, "--tyst");

        var (code, _, error) = Run("search", "text", "--index", corpus.IndexPath, "--filter", "farg=bla");

        Assert.Equal(2, code);
        Assert.Contains("inget filter", error, StringComparison.Ordinal);
    }
}
