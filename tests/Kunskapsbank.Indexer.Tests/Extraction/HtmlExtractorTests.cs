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

    [Fact]
    public void Html_with_100000_nested_divs_is_read_without_recursion()
    {
        var html = "<p>Före.</p>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "Djupt inne." + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "<h2>Efter</h2><p>Sist.</p>";

        var document = ExtractOk(html);

        Assert.Equal(
            [("", "Före.\n\nDjupt inne."), ("Efter", "Sist.")],
            document.Passages.Select(p => (string.Join(" > ", p.HeadingPath), p.Text)).ToArray());
    }

    [Fact]
    public void Html_extraction_stops_at_the_time_limit()
    {
        var html = string.Concat(Enumerable.Repeat("<p>Stöd och skydd för våldsutsatta <b>i</b> kommunen.</p>", 200_000));
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("stor.html");
        File.WriteAllText(path, html);

        var result = ExtractorRegistry.CreateDefault().Extract(path, TestDocuments.Limits with { Timeout = TimeSpan.FromMilliseconds(50) }, CancellationToken.None);

        Assert.Equal(ExtractionFailureKind.Timeout, result.Failure?.Kind);
    }

    [Theory]
    [InlineData("<meta charset=\"windows-1252\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">")]
    public void Html_meta_charset_decides_the_encoding(string meta)
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("latin.html");
        var latin = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        File.WriteAllBytes(path, latin.GetBytes($"<html><head>{meta}<title>Våld</title></head><body><p>Äldre – stöd</p></body></html>"));

        var document = TestDocuments.ExtractOk(new HtmlExtractor(), path);

        Assert.Equal("Äldre – stöd", TestDocuments.AllText(document));
        Assert.Equal("Våld", document.Properties.Title);
    }

    [Fact]
    public void Html_byte_order_mark_wins_over_a_wrong_meta_charset()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("bom.html");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<meta charset=\"windows-1252\"><p>Hedersrelaterat våld</p>")]);

        var document = TestDocuments.ExtractOk(new HtmlExtractor(), path);

        Assert.Equal("Hedersrelaterat våld", TestDocuments.AllText(document));
    }

    [Fact]
    public void Html5_named_and_numeric_entities_are_decoded()
    {
        var document = ExtractOk("<p>Vänta&hellip; &ouml;ppet &NotEqualTilde; &#x2192; &#8364;&nbsp;5 &amp;c &xyzzy;</p>");

        Assert.Equal("Vänta… öppet \u2242\u0338 → € 5 &c &xyzzy;", TestDocuments.AllText(document));
    }

    [Fact]
    public void Html_page_chrome_is_dropped_but_an_articles_own_header_is_kept()
    {
        var document = ExtractOk("""
            <header><a href="/">Kommunen</a> <nav><a href="/a">Meny</a></nav></header>
            <div role="navigation">Genvägar</div>
            <main>
              <article>
                <header><h1>Skyddsbedömning</h1><p>Publicerad 2024</p></header>
                <p>Bedöm risken tillsammans med den våldsutsatta.</p>
                <aside>Relaterat i artikeln</aside>
              </article>
            </main>
            <aside>Puff i sidokolumnen</aside>
            <p aria-hidden="true">Dekor</p><span style="visibility: hidden">Dold</span>
            <footer>Kontakta oss</footer>
            """);

        Assert.Equal(
            [("Skyddsbedömning", "Publicerad 2024\n\nBedöm risken tillsammans med den våldsutsatta.\n\nRelaterat i artikeln")],
            document.Passages.Select(p => (string.Join(" > ", p.HeadingPath), p.Text)).ToArray());
    }

    [Fact]
    public void Html_nested_lists_and_tables_with_sections_stay_readable()
    {
        var document = ExtractOk("""
            <ul><li>Socialtjänst<ul><li>barn och unga</li><li>vuxna</li></ul></li><li>Polis</li></ul>
            <table><caption>Ansvar</caption>
              <thead><tr><th>Roll</th><th>Uppgift</th></tr></thead>
              <tbody><tr><td>Handläggare</td><td>Skyddsbedömning</td></tr><tr><td></td><td>Uppföljning</td></tr></tbody>
            </table>
            """);

        Assert.Equal(
            "Socialtjänst\nbarn och unga\nvuxna\nPolis\n\nAnsvar\n\nRoll | Uppgift\nHandläggare | Skyddsbedömning\nUppföljning",
            TestDocuments.AllText(document));
    }
}
