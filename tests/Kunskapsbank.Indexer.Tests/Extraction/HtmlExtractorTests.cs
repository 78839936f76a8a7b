using System.Text;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Extraction.Html;

namespace Kunskapsbank.Indexer.Tests.Extraction;

public class HtmlExtractorTests
{
    private static ExtractionResult Extract(string html, ExtractionLimits? limits = null)
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("sida.html");
        File.WriteAllText(path, html);
        return new HtmlExtractor().Extract(path, limits ?? TestDocuments.Limits, CancellationToken.None);
    }

    private static ExtractedDocument ExtractOk(string html)
    {
        var result = Extract(html);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Document!;
    }

    [Fact]
    public void Html_keeps_visible_text_and_drops_scripts_styles_and_comments()
    {
        var document = ExtractOk("""
            <!DOCTYPE html>
            <html lang="sv"><head>
              <title>Stöd &amp; skydd – Kommunen</title>
              <meta name="description" content="Om stöd till våldsutsatta">
              <meta name="keywords" content="våld, skydd">
              <style>body { color: red } h1 > p {}</style>
              <script>var x = "<h1>inte text</h1>"; if (a < b) {}</script>
            </head>
            <body>
              <!-- <p>bortkommenterad</p> -->
              <noscript>Slå på JavaScript</noscript>
              <template><p>mall</p></template>
              <svg><text>figurtext</text><svg><text>inre</text></svg></svg>
              <div hidden>dold</div><span style="display: none">osynlig</span>
              <p>Kvinnofridslinjen&nbsp;svarar&#160;dygnet runt på 020&#x2011;50 50 50 &mdash; gratis.</p>
            </body></html>
            """);
        Assert.Equal("Kvinnofridslinjen svarar dygnet runt på 020‑50 50 50 — gratis.", TestDocuments.AllText(document));
        Assert.Equal("Stöd & skydd – Kommunen", document.Properties.Title);
        Assert.Equal("Om stöd till våldsutsatta", document.Properties.Subject);
        Assert.Equal(["våld", "skydd"], document.Properties.Keywords);
    }

    [Fact]
    public void Html_headings_start_passages_and_blocks_make_paragraphs()
    {
        var document = ExtractOk("""
            <p>Ingress före rubrik.</p>
            <h1>Stöd <em>till</em> barn</h1>
            <p>Första
               stycket.</p><p>Andra stycket.<br>Ny rad.</p>
            <h2>Lista</h2>
            <ul><li>ett</li><li>två <b>fet</b></li></ul>
            <h2>Tabell</h2>
            <table><tr><th>Roll</th><th>Ansvar</th></tr><tr><td>Handläggare</td><td>Skyddsbedömning</td></tr></table>
            <h3>Djupare</h3><div>Text i div</div>
            <pre>rad 1
            rad 2</pre>
            """);
        Assert.Equal(
            [
                ("", "Ingress före rubrik."),
                ("Stöd till barn", "Första stycket.\n\nAndra stycket.\nNy rad."),
                ("Stöd till barn > Lista", "ett\ntvå fet"),
                ("Stöd till barn > Tabell", "Roll | Ansvar\nHandläggare | Skyddsbedömning"),
                ("Stöd till barn > Tabell > Djupare", "Text i div\n\nrad 1\nrad 2"),
            ],
            document.Passages.Select(p => (string.Join(" > ", p.HeadingPath), p.Text)).ToArray());
        Assert.Equal("Stöd till barn", document.Properties.Title);
    }

    [Fact]
    public void Html_survives_deep_nesting_and_malformed_markup()
    {
        var deep = new StringBuilder();
        for (var i = 0; i < 50_000; i++)
        {
            deep.Append("<div><span>");
        }

        deep.Append("djupt inne");
        var document = ExtractOk(deep + "<p>trasig <b>fet <i>kursiv</p> <a href='x>y'>länk</a> 3 < 4 & 5 > 2 <unknown-tag attr=\"ostängd>slut <");
        var text = TestDocuments.AllText(document);
        Assert.Contains("djupt inne", text, StringComparison.Ordinal);
        Assert.Contains("trasig fet kursiv", text, StringComparison.Ordinal);
        Assert.Contains("länk 3 < 4 & 5 > 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_without_visible_text_is_empty()
    {
        var result = Extract("<html><head><title>Bara titel</title><script>x()</script></head><body> </body></html>");
        Assert.Equal(ExtractionFailureKind.Empty, result.Failure?.Kind);
        Assert.Contains("ingen synlig text", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_in_windows_1252_is_decoded()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("latin.htm");
        File.WriteAllBytes(path, CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("<p>Våld i nära relationer – äldre</p>"));
        var result = new HtmlExtractor().Extract(path, TestDocuments.Limits, CancellationToken.None);
        Assert.Equal("Våld i nära relationer – äldre", result.Document!.Passages.Single().Text);
    }
}
