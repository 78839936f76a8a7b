using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Web.Models;

namespace Kunskapsbank.Web.Tests.Models;

public sealed class DocumentTextModelTests
{
    [Fact]
    public void Passages_are_grouped_under_their_heading_path_with_each_heading_once()
    {
        var text = DocumentText.Of(
        [
            new DocumentPassage(11, 0, null, ["Rutin"], "Inledning."),
            new DocumentPassage(12, 1, null, ["Rutin", "Orosanmälan"], "Första stycket."),
            new DocumentPassage(13, 2, null, ["Rutin", "Orosanmälan"], "Andra stycket."),
            new DocumentPassage(14, 3, null, ["Rutin", "Skydd och stöd"], "Tredje."),
            new DocumentPassage(15, 4, null, ["Bilaga", "Orosanmälan"], "Fjärde."),
        ]);

        Assert.Equal(
            ["H1 Rutin", "P Inledning.", "H2 Orosanmälan", "P Första stycket.", "P Andra stycket.", "H2 Skydd och stöd", "P Tredje.", "H1 Bilaga", "H2 Orosanmälan", "P Fjärde."],
            text.Blocks.Select(b => b is DocumentText.HeadingBlock ? $"H{b.Level} {b.Text}" : $"P {b.Text}"));
        Assert.Equal(
            ["avsnitt-rutin", "avsnitt-orosanmalan", "avsnitt-skydd-och-stod", "avsnitt-bilaga", "avsnitt-orosanmalan-2"],
            text.Outline.Select(b => b.Anchor));
        Assert.Equal("stycke-12", text.Blocks[3].Anchor);
    }

    [Fact]
    public void A_pdf_gets_a_marker_where_each_page_begins_and_pages_as_its_outline()
    {
        var text = DocumentText.Of(
        [
            new DocumentPassage(1, 0, 1, [], "Sida ett."),
            new DocumentPassage(2, 1, 2, [], "Sida två, del ett."),
            new DocumentPassage(3, 2, 2, [], "Sida två, del två."),
        ]);

        Assert.Equal(["sida-1", "stycke-1", "sida-2", "stycke-2", "stycke-3"], text.Blocks.Select(b => b.Anchor));
        Assert.Equal(["Sida 1", "Sida 2"], text.Outline.Select(b => b.Text));
        Assert.False(text.Truncated);
    }

    [Fact]
    public void A_very_long_text_is_cut_and_says_so()
    {
        var passages = Enumerable.Range(0, 50)
            .Select(i => new DocumentPassage(i, i, null, [], new string('x', DocumentText.MaxCharacters / 10)))
            .ToList();
        var text = DocumentText.Of(passages);
        Assert.True(text.Truncated);
        Assert.True(text.Blocks.Count < 50);
    }

    [Fact]
    public void A_scanned_page_is_marked_as_interpreted_text_once_at_its_marker()
    {
        // Fake OCR flags: the OCR work sets them; the rendering must already know what to do with them.
        var text = DocumentText.Of(
        [
            new DocumentPassage(1, 0, 1, [], "Text med textlager."),
            new DocumentPassage(2, 1, 2, [], "Inskannad sida, första stycket.", IsOcr: true),
            new DocumentPassage(3, 2, 2, [], "Inskannad sida, andra stycket.", IsOcr: true),
            new DocumentPassage(4, 3, 3, [], "Blandad sida med text.", IsOcr: false),
            new DocumentPassage(5, 4, 3, [], "Blandad sida, tolkad bild.", IsOcr: true),
        ]);

        Assert.True(text.HasOcr);
        var pages = text.Blocks.OfType<DocumentText.PageBlock>().ToList();
        Assert.Equal([false, true, false], pages.Select(p => p.IsOcr));
        var paragraphs = text.Blocks.OfType<DocumentText.ParagraphBlock>().ToList();
        Assert.Equal([false, true, true, false, true], paragraphs.Select(p => p.IsOcr));
        Assert.Equal([false, true, true, false, false], paragraphs.Select(p => p.MarkedByPage));
    }

    [Fact]
    public void A_document_without_ocr_text_needs_no_explanation_of_the_mark() =>
        Assert.False(DocumentText.Of([new DocumentPassage(1, 0, 1, [], "Text.")]).HasOcr);
}
