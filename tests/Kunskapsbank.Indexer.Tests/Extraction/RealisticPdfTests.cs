using System.Text.RegularExpressions;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Extraction.Pdf;

namespace Kunskapsbank.Indexer.Tests.Extraction;

/// <summary>The self-made bill (tests/data/pdf) and real bills: passages are paragraphs on their page, and nothing of
/// the page furniture (table of contents, running headers, page numbers, margin text) becomes one.</summary>
public partial class RealisticPdfTests
{
    private static readonly Lazy<ExtractedDocument> Bill = new(() => ExtractPdf("pdf/proposition-skydd-for-barn.pdf"));
    private static readonly Lazy<ExtractedDocument> RealBill = new(() => ExtractPdf("documents/real-swedish/prop-2012-13-182-internationell-delgivning.pdf"));

    public static TheoryData<string> Bills => ["pdf/proposition-skydd-for-barn.pdf", "documents/real-swedish/prop-2012-13-182-internationell-delgivning.pdf", "documents/real-swedish/prop-2012-13-144-sjofartsstodet.pdf"];

    internal static ExtractedDocument ExtractPdf(string relative)
    {
        var result = new PdfExtractor(new ProcessRunner()).Extract(TestData.PathOf(relative.Split('/')), TestDocuments.OcrLimits, CancellationToken.None);
        Assert.True(result.Succeeded, $"{relative}: {result.Failure?.Message}");
        return result.Document!;
    }

    [Theory]
    [MemberData(nameof(Bills))]
    public void Passages_are_at_most_800_characters_on_one_page_in_page_order(string file)
    {
        var document = ExtractPdf(file);

        Assert.All(document.Passages, p => Assert.InRange(p.Text.Length, 1, PassageBuilder.TargetPassageChars));
        Assert.All(document.Passages, p => Assert.NotNull(p.Page));
        Assert.Equal(document.Passages.Select(p => p.Page).Order(), document.Passages.Select(p => p.Page));
    }

    [Theory]
    [MemberData(nameof(Bills))]
    public void No_passage_holds_dot_leaders_a_running_header_or_a_page_number_line(string file)
    {
        var document = ExtractPdf(file);

        Assert.DoesNotContain(document.Passages, p => DotLeader().IsMatch(p.Text));
        Assert.DoesNotContain(document.Passages.Where(p => p.Page > 1), p => RunningHeader().IsMatch(p.Text));
        Assert.DoesNotContain(document.Passages, p => p.Text.Split("\n\n").Any(paragraph => RunningLines.IsPageNumber(paragraph) && paragraph.Contains($"{p.Page}", StringComparison.Ordinal)));
    }

    [Fact]
    public void Table_of_contents_pages_yield_no_passages()
    {
        Assert.DoesNotContain(Bill.Value.Passages, p => p.Page == 2);
        Assert.DoesNotContain(RealBill.Value.Passages, p => p.Page is 2 or 3);
        Assert.Contains(RealBill.Value.Passages, p => p.Page == 4);
    }

    [Fact]
    public void Alternating_headers_go_but_the_title_that_repeats_one_stays_on_the_title_page()
    {
        var text = TestDocuments.AllText(Bill.Value);

        Assert.Equal(1, Regex.Count(text, "Skydd för barn i hederskontext"));
        Assert.Contains("Skydd för barn i hederskontext", Bill.Value.Passages[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("P r o p", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rotated_margin_text_never_leaks_into_a_passage()
    {
        var text = TestDocuments.AllText(Bill.Value);

        Assert.DoesNotContain("Diarienummer", text, StringComparison.Ordinal);
        Assert.DoesNotContain("S2025", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Side_by_side_table_is_read_one_column_after_the_other()
    {
        var page = string.Join("\n\n", Bill.Value.Passages.Where(p => p.Page == 3).Select(p => p.Text));

        Assert.Contains("för att ingå äktenskap. ", page.Replace("\n\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Ett beslut om utreseförbud gäller tills vidare och ska omprövas av socialnämnden minst var sjätte månad.", page, StringComparison.Ordinal);
        Assert.Contains("för att ingå äktenskap eller könsstympas.", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_side_by_side_table_keeps_each_version_of_the_section_whole()
    {
        var page = Normalise(string.Join(" ", RealBill.Value.Passages.Where(p => p.Page == 6).Select(p => p.Text)));

        Assert.Contains("om uppgiften behövs där för delgivning enligt delgivningslagen (2010:1932).", page, StringComparison.Ordinal);
        Assert.Contains("om uppgiften behövs där för delgivning enligt delgivningslagen (2010:1932) eller för bistånd med sådan delgivning.", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_column_section_keeps_its_paragraphs_whole()
    {
        var page = Bill.Value.Passages.Where(p => p.Page == 4).SelectMany(p => p.Text.Split("\n\n")).ToList();

        Assert.Contains("Flera remissinstanser, bland dem Barnombudsmannen och Polismyndigheten, har tillstyrkt förslaget. Några kommuner har påpekat att handläggningstiden i förvaltningsrätten måste vara kort.", page);
        Assert.Contains(page, p => p.StartsWith("Passmyndigheten ska kunna vägra pass", StringComparison.Ordinal) && p.EndsWith("med egna handlingar.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hälso- och sjukvården möter")]
    [InlineData("Vid byggnads- eller anläggningsarbete")]
    [InlineData("hos sjukvårdens yngsta patienter")]
    [InlineData("Statsrådet Hjelm-Wallén framhöll")]
    [InlineData("i dag FN-konventionen om barnets rättigheter")]
    [InlineData("inom EU-rätten")]
    [InlineData("med e-post till")]
    public void Line_end_hyphens_of_the_bill_are_read_the_Swedish_way(string phrase) =>
        Assert.Contains(phrase, TestDocuments.AllText(Bill.Value), StringComparison.Ordinal);

    [Fact]
    public void Words_poppler_would_have_joined_wrongly_are_not_in_a_real_bill()
    {
        // Plain pdftotext gives "offentlighetsoch sekretesslagen" three times in this bill.
        var text = TestDocuments.AllText(RealBill.Value);

        Assert.DoesNotContain("offentlighetsoch", text, StringComparison.Ordinal);
        Assert.Contains("offentlighets- och sekretesslagen", text, StringComparison.Ordinal);
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"(?:\.\s?){5,}|…{2,}")]
    private static partial Regex DotLeader();

    [GeneratedRegex(@"(?:^|\n)\s*(?:Prop\.\s*20\d\d/\d\d:\d+|P r o p)\s*(?:\n|$)")]
    private static partial Regex RunningHeader();
}
