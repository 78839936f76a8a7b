using Kunskapsbank.Indexer.Extraction.Pdf;

namespace Kunskapsbank.Indexer.Tests.Extraction;

public class PdfPageCleanerTests
{
    [Theory]
    [InlineData("stöd till vålds-", "utsatta kvinnor", "stöd till våldsutsatta kvinnor")]
    [InlineData("inom barn-", "och ungdomsvården", "inom barn- och ungdomsvården")]
    [InlineData("använd FREDA-", "kortfrågor", "använd FREDA-kortfrågor")]
    [InlineData("enligt HSLF-", "FS 2022:39", "enligt HSLF-FS 2022:39")]
    [InlineData("skicka e-", "post", "skicka e-post")]
    [InlineData("en rad", "och nästa", "en rad och nästa")]
    [InlineData("kostar 100 -", "200 kr", "kostar 100 - 200 kr")]
    public void Lines_are_joined_and_line_end_hyphenation_mended(string first, string second, string expected) =>
        Assert.Equal(expected, PdfPageCleaner.JoinLines(first, second));

    [Theory]
    [InlineData("i offentlighetsoch sekretesslagen", "i offentlighets- och sekretesslagen")]
    [InlineData("inom hälsooch sjukvården", "inom hälso- och sjukvården")]
    [InlineData("barn och unga", "barn och unga")]
    [InlineData("Koch och Bloch skrev", "Koch och Bloch skrev")]
    public void Hyphen_dropped_before_och_is_restored(string text, string expected) =>
        Assert.Equal(expected, PdfPageCleaner.RestoreSharedEnding(text));

    [Fact]
    public void Lines_repeated_at_page_edges_and_page_numbers_are_removed()
    {
        string[] topics = ["skydd", "stöd", "samverkan", "riskbedömning", "orosanmälan"];
        var pages = topics
            .Select((topic, i) => $"Rutin för hedersrelaterat våld, version 2\nOm {topic} i arbetet.\nMer text om {topic}.\n\n{i + 1} ({topics.Length})")
            .ToList();
        var cleaned = PdfPageCleaner.Clean(pages);
        for (var i = 0; i < topics.Length; i++)
        {
            Assert.Equal($"Om {topics[i]} i arbetet. Mer text om {topics[i]}.", cleaned[i]);
        }
    }

    [Theory]
    [InlineData("Sida 3")]
    [InlineData("- 3 -")]
    [InlineData("3 (11)")]
    [InlineData("Sida 3 av 11")]
    [InlineData("3")]
    public void Page_number_lines_at_the_bottom_are_removed(string footer)
    {
        var cleaned = PdfPageCleaner.Clean([$"Första sidans text.\n{footer}", "Andra sidans text."]);
        Assert.Equal("Första sidans text.", cleaned[0]);
    }

    [Fact]
    public void Lines_holding_only_list_bullets_are_dropped()
    {
        var cleaned = PdfPageCleaner.Clean(["Tänk på följande innan samtalet:\n•\n•\n•\n\nBoka en tid där ni kan prata ostört.\nAnvänd en professionell tolk."]);

        Assert.Equal("Tänk på följande innan samtalet:\n\nBoka en tid där ni kan prata ostört. Använd en professionell tolk.", cleaned[0]);
    }

    [Fact]
    public void Each_bulleted_line_starts_its_own_paragraph_without_the_marker()
    {
        var cleaned = PdfPageCleaner.Clean(["Tecken att vara uppmärksam på:\n• Långa toalettbesök\n\uF0B7 smärta vid menstruation\noch vid urinering"]);

        Assert.Equal("Tecken att vara uppmärksam på:\n\nLånga toalettbesök\n\nsmärta vid menstruation och vid urinering", cleaned[0]);
    }

    [Fact]
    public void Running_footer_with_a_page_number_is_removed_from_a_two_page_leaflet()
    {
        var cleaned = PdfPageCleaner.Clean(
        [
            "Om skyddat boende.\nText på första sidan.\n\nLänsstyrelsen · Skyddat boende 2024 · Sida 1",
            "Mer om placeringen.\n\nLänsstyrelsen · Skyddat boende 2024 · Sida 2",
        ]);

        Assert.Equal("Om skyddat boende. Text på första sidan.", cleaned[0]);
        Assert.Equal("Mer om placeringen.", cleaned[1]);
    }

    [Fact]
    public void A_sentence_repeated_on_two_pages_without_a_page_number_stays()
    {
        var cleaned = PdfPageCleaner.Clean(["Ring 112 vid akut fara.\nFörsta sidan.", "Ring 112 vid akut fara.\nAndra sidan."]);

        Assert.StartsWith("Ring 112 vid akut fara.", cleaned[1], StringComparison.Ordinal);
    }
}
