using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Web.Models;

namespace Kunskapsbank.Web.Tests.Models;

public sealed class DocumentStatusTests
{
    [Theory]
    [InlineData("gallande", null, "Gällande", "status-gallande")]
    [InlineData("ersatt", "freda-handbok-2024.pdf", "Ersatt av freda-handbok-2024.pdf", "status-ersatt")]
    [InlineData("ersatt", "  ", "Ersatt av ett nyare dokument", "status-ersatt")]
    [InlineData("ersatt", null, "Ersatt av ett nyare dokument", "status-ersatt")]
    [InlineData("upphavd", null, "Upphävd", "status-upphavd")]
    public void Status_is_said_in_swedish(string status, string? supersededBy, string text, string cssClass)
    {
        var shown = DocumentStatus.Of(status, supersededBy, null);

        Assert.Equal(text, shown.Text);
        Assert.Equal(cssClass, shown.CssClass);
        Assert.Null(shown.ReplacementUrl);
    }

    [Fact]
    public void A_replacement_in_the_index_is_named_by_its_title_and_linked_instead_of_the_file_name()
    {
        var shown = DocumentStatus.Of("ersatt", "freda-handbok-2024.pdf", new DocumentReference(12, "FREDA – handbok 2024"));

        Assert.Equal("Ersatt av FREDA – handbok 2024", shown.Text);
        Assert.Equal("/dokument/12", shown.ReplacementUrl);
        Assert.Null(shown.ReplacementName);
    }

    [Fact]
    public void A_document_in_force_shows_no_replacement_even_when_the_sidecar_names_one() =>
        Assert.Null(DocumentStatus.Of("gallande", "ny.pdf", new DocumentReference(3, "Ny")).Replacement);
}
