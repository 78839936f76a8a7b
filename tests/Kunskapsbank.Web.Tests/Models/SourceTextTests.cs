using Kunskapsbank.Web.Models;

namespace Kunskapsbank.Web.Tests.Models;

public sealed class SourceTextTests
{
    [Theory]
    [InlineData("ett <mark>våld</mark> och <mark>hot</mark>", "ett <mark>våld</mark> och <mark>hot</mark>")]
    [InlineData("&lt;script&gt; <mark>x</mark>", "&lt;script&gt; <mark>x</mark>")]
    [InlineData("<script>alert(1)</script><mark>x</mark>", "&lt;script&gt;alert(1)&lt;/script&gt;<mark>x</mark>")]
    [InlineData("<mark onclick=x>y</mark>", "&lt;mark onclick=x&gt;y</mark>")]
    [InlineData("", "")]
    public void SnippetHtml_keeps_only_mark_tags(string snippet, string expected) =>
        Assert.Equal(expected, SourceText.SnippetHtml(snippet).ToString());

    [Fact]
    public void Citation_names_title_publisher_year_and_page() =>
        Assert.Equal(
            "Vägledning, Socialstyrelsen 2024, s. 3",
            SourceText.Citation("Vägledning", "Socialstyrelsen", 2024, 3, "Rubrik"));

    [Fact]
    public void Citation_of_a_passage_read_by_ocr_says_it_is_interpreted_text() =>
        Assert.Equal(
            "Proposition 1991/92:43, Regeringen 1991, s. 2 (tolkad text)",
            SourceText.Citation("Proposition 1991/92:43", "Regeringen", 1991, 2, null, isOcr: true));

    [Fact]
    public void Citation_falls_back_to_the_heading_without_a_page() =>
        Assert.Equal("Rutin, Åtgärder", SourceText.Citation("Rutin", null, null, null, "Åtgärder"));

    [Theory]
    [InlineData("a/b.pdf", 4, "/api/documents/7/file#page=4")]
    [InlineData("a/b.PDF", null, "/api/documents/7/file")]
    [InlineData("a/b.docx", 4, "/api/documents/7/file")]
    public void File_links_open_pdfs_at_their_page(string path, int? page, string expected) =>
        Assert.Equal(expected, SourceText.FileUrl(7, path, page));
}
