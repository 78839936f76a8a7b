using Kunskapsbank.Api.Tests.Infrastructure;

namespace Kunskapsbank.Api.Tests.Hosting;

/// <summary>A scanned PDF dropped into the corpus is read by the background OCR with the real tesseract: the service is
/// ready at once, /health/ready lists the file while it is read, and its passages come back marked as OCR text.</summary>
public sealed class OcrReadinessTests(OcrReadinessTests.ScanHost host) : IClassFixture<OcrReadinessTests.ScanHost>
{
    [Fact]
    public async Task Ready_lists_the_scan_while_it_is_read_and_search_marks_its_passages_as_ocr_text_when_done()
    {
        var first = (await host.GetJsonAsync("/health/ready")).GetProperty("ocr");
        var files = first.GetProperty("files");
        if (files.GetArrayLength() > 0)
        {
            Assert.Equal("kallelse-skannad.pdf", files[0].GetProperty("path").GetString());
            Assert.Matches("^(OCR pågår, sida [12] av 2|Väntar på OCR, 2 sidor)$", files[0].GetProperty("message").GetString());
            Assert.Equal(2, files[0].GetProperty("total").GetInt32());
        }
        else
        {
            Assert.Equal(1, first.GetProperty("filesRead").GetInt32());
        }

        // A page takes seconds alone, far more at nice 19 beside parallel tests.
        await Poll.UntilTrueAsync(
            async () => (await host.GetJsonAsync("/health/ready")).GetProperty("ocr") is var ocr && ocr.GetProperty("files").GetArrayLength() == 0 && ocr.GetProperty("filesRead").GetInt32() == 1,
            TimeSpan.FromMinutes(5));

        var done = (await host.GetJsonAsync("/health/ready")).GetProperty("ocr");
        Assert.Equal(2, done.GetProperty("pagesRead").GetInt32());
        var hit = (await host.GetJsonAsync("/api/search?q=skyddsvistelse")).GetProperty("hits").EnumerateArray().Single();
        Assert.Equal("kallelse-skannad.pdf", hit.GetProperty("path").GetString());
        Assert.All(hit.GetProperty("passages").EnumerateArray(), p => Assert.True(p.GetProperty("isOcr").GetBoolean()));
        var document = await host.GetJsonAsync($"/api/documents/{hit.GetProperty("id").GetInt64()}");
        Assert.All(document.GetProperty("passages").EnumerateArray(), p => Assert.True(p.GetProperty("isOcr").GetBoolean()));
    }

    /// <summary>The shared corpus plus a two-page scan.</summary>
    public sealed class ScanHost : ApiHost
    {
        protected override void SeedCorpus()
        {
            base.SeedCorpus();
            File.Copy(Path.Combine(AppContext.BaseDirectory, "data", "pdf", "kallelse-skannad.pdf"), Path.Combine(CorpusPath, "kallelse-skannad.pdf"));
        }
    }
}
