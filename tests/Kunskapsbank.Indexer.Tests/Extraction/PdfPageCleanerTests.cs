using Kunskapsbank.Indexer.Extraction.Pdf;

namespace Kunskapsbank.Indexer.Tests.Extraction;

public class PdfPageCleanerTests
{
    [Fact]
    public void Lines_repeated_at_page_edges_and_page_numbers_are_removed()
    {
        string[] topics = ["skydd", "stöd", "samverkan", "riskbedömning", "orosanmälan"];
        var pages = topics
            .Select((topic, i) => TestLayouts.Page(i + 1, "Rutin för hedersrelaterat våld, version 2", $"Om {topic} i arbetet.", $"@bottom {i + 1} ({topics.Length})"))
            .ToList();
        var cleaned = PdfPageCleaner.Clean(pages);
        for (var i = 0; i < topics.Length; i++)
        {
            Assert.Equal([$"Om {topics[i]} i arbetet."], cleaned[i]);
        }
    }

    [Fact]
    public void Alternating_even_and_odd_running_headers_of_a_bill_are_removed()
    {
        string[] topics = ["legitimation", "behörighet", "betyg", "fritidshem", "förskola", "huvudman", "tillsyn", "skolplikt"];
        var pages = topics
            .Select((topic, i) => TestLayouts.Page(i + 1, i % 2 == 0 ? "Vissa skolfrågor" : $"Prop. 2012/13:187", $"Här står något om {topic}.", $"@bottom {i + 1}"))
            .ToList();
        var cleaned = PdfPageCleaner.Clean(pages);
        Assert.Equal(topics.Select(topic => new List<string> { $"Här står något om {topic}." }), cleaned);
    }

    [Fact]
    public void Letter_spaced_running_header_is_removed_and_letter_spaced_text_closed_up()
    {
        string[] texts = ["Här: S E K R E T E S S gäller.", "Om skolplikt.", "Om betyg.", "Om tillsyn."];
        var pages = texts
            .Select((text, i) => TestLayouts.Page(i + 1, i == 0 ? "P r o p . 2 0 1 2 / 1 3 : 1 8 7" : "Prop. 2012/13:187", text))
            .ToList();
        var cleaned = PdfPageCleaner.Clean(pages);
        Assert.Equal(["Här: SEKRETESS gäller."], cleaned[0]);
        Assert.DoesNotContain(cleaned, page => page.Any(p => p.Contains("Prop", StringComparison.Ordinal) || p.Contains("P r o p", StringComparison.Ordinal)));
    }

    [Fact]
    public void Running_header_printed_on_the_same_line_as_body_text_is_cut_off()
    {
        // Poppler puts "Prop. 2012/13:182" on the body's first line when they share a baseline.
        string[] topics = ["delgivning", "översättning", "sekretess", "avgifter", "ikraftträdande"];
        var pages = topics.Select((topic, i) => i % 2 == 1
            ? TestLayouts.Page(i + 1, "Prop. 2012/13:182", $"Om {topic}.")
            : TestLayouts.Page(i + 1, $"Om {topic} i utlandet. Prop. 2012/13:182")).ToList();
        var cleaned = PdfPageCleaner.Clean(pages);
        Assert.Equal(["Om delgivning i utlandet."], cleaned[0]);
        Assert.Equal(["Om översättning."], cleaned[1]);
    }

    [Theory]
    [InlineData("Sida 3")]
    [InlineData("- 3 -")]
    [InlineData("3 (11)")]
    [InlineData("Sida 3 av 11")]
    [InlineData("3")]
    public void Page_number_lines_at_the_bottom_are_removed(string footer)
    {
        var cleaned = PdfPageCleaner.Clean([TestLayouts.Page(1, "Första sidans text.", $"@bottom {footer}"), TestLayouts.Page(2, "Andra sidans text.")]);
        Assert.Equal(["Första sidans text."], cleaned[0]);
    }

    [Fact]
    public void Running_footer_with_a_page_number_is_removed_from_a_two_page_leaflet()
    {
        var cleaned = PdfPageCleaner.Clean(
        [
            TestLayouts.Page(1, "Om skyddat boende.", "@bottom Länsstyrelsen · Skyddat boende 2024 · Sida 1"),
            TestLayouts.Page(2, "Mer om placeringen.", "@bottom Länsstyrelsen · Skyddat boende 2024 · Sida 2"),
        ]);

        Assert.Equal(["Om skyddat boende."], cleaned[0]);
        Assert.Equal(["Mer om placeringen."], cleaned[1]);
    }

    [Fact]
    public void A_sentence_repeated_on_two_pages_without_a_page_number_stays()
    {
        var cleaned = PdfPageCleaner.Clean([TestLayouts.Page(1, "Ring 112 vid akut fara.", "Första sidan."), TestLayouts.Page(2, "Ring 112 vid akut fara.", "Andra sidan.")]);

        Assert.Equal("Ring 112 vid akut fara.", cleaned[1][0]);
    }

    [Fact]
    public void Table_of_contents_with_dot_leaders_yields_no_paragraphs()
    {
        var toc = TestLayouts.Page(
            2,
            "Innehållsförteckning",
            "1",
            "Förslag till riksdagsbeslut .................................4",
            "2.2",
            "Förslag till lag om ändring i offentlighets- och",
            "sekretesslagen (2009:400) ..................................6",
            "Bilaga 1 Sammanfattning av promemorian … … … … 47");
        var cleaned = PdfPageCleaner.Clean([TestLayouts.Page(1, "Regeringens proposition."), toc, TestLayouts.Page(3, "Ärendet och dess beredning.")]);
        Assert.Empty(cleaned[1]);
        Assert.Equal(["Ärendet och dess beredning."], cleaned[2]);
    }

    [Fact]
    public void Continuation_page_of_a_table_of_contents_yields_no_paragraphs()
    {
        var toc = TestLayouts.Page(3, "Bilaga 5", "Lagförslaget i promemorian Vissa frågor om", "behörighet (U2013/2230/S) ......................... 60", "Bilaga 6", "Förteckning över remissinstanser ........ 62");
        Assert.Empty(PdfPageCleaner.Clean([toc])[0]);
    }

    [Fact]
    public void Text_above_a_table_of_contents_that_ends_a_sentence_is_kept()
    {
        var page = TestLayouts.Page(2, "Den här vägledningen ersätter den från 2019.", "Innehåll", "Inledning ............ 3", "Riskbedömning ........ 5");
        Assert.Equal(["Den här vägledningen ersätter den från 2019."], PdfPageCleaner.Clean([page])[0]);
    }

    [Fact]
    public void Side_by_side_table_is_read_column_by_column()
    {
        // "Nuvarande lydelse | Föreslagen lydelse": poppler reports each row as one line across both columns.
        string[] left = ["Sekretess hindrar inte", "att en uppgift om en", "enskilds adress lämnas."];
        string[] right = ["Sekretess hindrar inte", "att en uppgift om en", "enskilds adress lämnas ut."];
        var rows = left.Select((text, i) => new PdfLayoutLine([.. TestLayouts.Line(text, 72, 200 + (i * 12)).Words, .. TestLayouts.Line(right[i], 300, 200 + (i * 12)).Words])).ToList();
        rows.Insert(0, TestLayouts.Line("Härigenom föreskrivs att 26 § ska ha följande lydelse i den nya lagen om sekretess.", 72, 170));
        var page = new PdfPageLayout(1, 595, 842, [new PdfLayoutBlock(rows)]);

        var paragraphs = PdfPageCleaner.Clean([page])[0];

        Assert.Equal(
            ["Härigenom föreskrivs att 26 § ska ha följande lydelse i den nya lagen om sekretess.", "Sekretess hindrar inte att en uppgift om en enskilds adress lämnas.", "Sekretess hindrar inte att en uppgift om en enskilds adress lämnas ut."],
            paragraphs);
    }

    [Fact]
    public void Justified_line_with_wide_spaces_is_not_taken_for_a_table()
    {
        var lines = new[] { "Delgivning med en person som vistas", "utomlands får ske om den stat där", "delgivning ska ske tillåter det." }
            .Select((text, i) => TestLayouts.Line(text, 72, 100 + (i * 12), space: i == 1 ? 12 : 3))
            .ToList();
        var page = new PdfPageLayout(1, 595, 842, [new PdfLayoutBlock(lines)]);

        Assert.Equal(["Delgivning med en person som vistas utomlands får ske om den stat där delgivning ska ske tillåter det."], PdfPageCleaner.Clean([page])[0]);
    }

    [Fact]
    public void Rotated_margin_text_is_dropped()
    {
        var rotated = new PdfLayoutLine([new PdfWord("Diarienummer", 20, 300, 30, 380), new PdfWord("2024-0815", 20, 390, 30, 440)]);
        var stacked = "Prop".Select((c, i) => new PdfLayoutBlock([new PdfLayoutLine([new PdfWord(c.ToString(), 560, 300 + (i * 8), 566, 308 + (i * 8))])]));
        var page = new PdfPageLayout(1, 595, 842, [new PdfLayoutBlock([rotated]), .. stacked, new PdfLayoutBlock([TestLayouts.Line("Stödet riktar sig till våldsutsatta.", 72, 300)])]);

        Assert.Equal(["Stödet riktar sig till våldsutsatta."], PdfPageCleaner.Clean([page])[0]);
    }

    [Fact]
    public void Lines_of_a_paragraph_are_joined_and_hyphenation_mended()
    {
        var page = TestLayouts.Paragraph(1, "Inom hälso-", "och sjukvården ska vål-", "dets följder uppmärksammas.");
        Assert.Equal(["Inom hälso- och sjukvården ska våldets följder uppmärksammas."], PdfPageCleaner.Clean([page])[0]);
    }

    [Fact]
    public void Each_bulleted_line_starts_its_own_paragraph_without_the_marker()
    {
        var page = TestLayouts.Paragraph(1, "Tecken att vara uppmärksam på:", "• Långa toalettbesök", "\uF0B7 smärta vid menstruation", "och vid urinering");

        Assert.Equal(["Tecken att vara uppmärksam på:", "Långa toalettbesök", "smärta vid menstruation och vid urinering"], PdfPageCleaner.Clean([page])[0]);
    }

    [Fact]
    public void List_numbers_read_as_a_column_of_their_own_go_back_on_their_items()
    {
        // Poppler reads "1." "2." "3." as one block and the items beside them as another.
        var numbers = new PdfLayoutBlock(new[] { "1.", "2.", "3." }.Select((n, i) => TestLayouts.Line(n, 83, 300 + (i * 26))).ToArray());
        var items = new PdfLayoutBlock(new[] { "Inled med en kort förklaring om varför", "alla får frågan.", "Ställ en fråga i taget.", "Bekräfta det personen berättar." }
            .Select((text, i) => TestLayouts.Line(text, 107, 300 + (i == 0 ? 0 : i == 1 ? 12 : (i - 1) * 26))).ToArray());
        var page = new PdfPageLayout(1, 595, 842, [TestLayouts.Page(1, "Praktiska råd:").Blocks[0], numbers, items]);

        Assert.Equal(
            ["Praktiska råd:", "1. Inled med en kort förklaring om varför alla får frågan.", "2. Ställ en fråga i taget.", "3. Bekräfta det personen berättar."],
            PdfPageCleaner.Clean([page])[0]);
    }

    [Fact]
    public void Lines_holding_only_list_bullets_are_dropped()
    {
        var page = TestLayouts.Page(1, "Tänk på följande innan samtalet:", "•", "•", "Boka en tid där ni kan prata ostört.");

        Assert.Equal(["Tänk på följande innan samtalet:", "Boka en tid där ni kan prata ostört."], PdfPageCleaner.Clean([page])[0]);
    }
}
