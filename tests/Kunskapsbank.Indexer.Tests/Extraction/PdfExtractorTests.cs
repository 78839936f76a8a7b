using System.Text;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Extraction.Pdf;

namespace Kunskapsbank.Indexer.Tests.Extraction;

public class PdfExtractorTests
{
    // One extraction of the 11-page document serves the many page assertions below.
    private static readonly Lazy<ExtractedDocument> Multipage = new(() =>
        TestDocuments.ExtractOk(new PdfExtractor(new ProcessRunner()), "generated/kunskapsunderlag-hedersrelaterat-vald-flersidig.pdf"));

    private readonly PdfExtractor _extractor = new(new ProcessRunner());

    public static TheoryData<string, int> PageWords()
    {
        var data = new TheoryData<string, int>();
        var tsv = TestDocuments.PathOf("generated/kunskapsunderlag-hedersrelaterat-vald-flersidig.expected-pages.tsv");
        foreach (var line in File.ReadLines(tsv).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split('\t');
            data.Add(parts[1], int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PageWords))]
    public void Pdf_word_is_found_on_its_own_page_only(string word, int page)
    {
        var document = Multipage.Value;
        var pages = document.Passages.Where(p => p.Text.Contains(word, StringComparison.OrdinalIgnoreCase)).Select(p => p.Page).ToList();
        Assert.Equal([page], pages);
    }

    [Fact]
    public void Pdf_passages_are_paragraphs_on_their_pages_with_offsets_into_the_joined_text()
    {
        var document = Multipage.Value;
        Assert.Equal(11, document.Properties.PageCount);
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (int?)i), document.Passages.Select(p => p.Page).Distinct());
        Assert.True(document.Passages.Count > 11, $"{document.Passages.Count} passages for 11 pages");
        Assert.All(document.Passages, p => Assert.InRange(p.Text.Length, 1, PassageBuilder.TargetPassageChars));
        Assert.Equal(document.Passages.Select(p => p.Page).Order(), document.Passages.Select(p => p.Page));
        var all = TestDocuments.AllText(document);
        foreach (var passage in document.Passages)
        {
            Assert.Equal(passage.Text, all.Substring(passage.Offset, passage.Text.Length));
        }
    }

    [Fact]
    public void Pdf_running_header_and_page_footer_are_removed_from_every_page()
    {
        var document = Multipage.Value;
        foreach (var page in document.Passages.GroupBy(p => p.Page))
        {
            // Page 1 keeps the document's own title (two lines, unlike the one-line running header).
            var expected = page.Key == 1 ? 1 : 0;
            Assert.Equal(expected, page.Sum(p => System.Text.RegularExpressions.Regex.Count(p.Text, "kunskapsunderlag \\(testdokument\\)")));
            Assert.All(page, p => Assert.DoesNotMatch(@"(^|\n)Sida \d+($|\n)", p.Text));
        }
    }

    [Fact]
    public void Pdf_running_headers_of_a_long_government_bill_are_removed()
    {
        var document = TestDocuments.ExtractOk(_extractor, "real-swedish/prop-2012-13-182-internationell-delgivning.pdf");
        Assert.Equal(54, document.Properties.PageCount);
        var startsWithBillNumber = document.Passages.Count(p => p.Text.StartsWith("Prop. 2012/13:182", StringComparison.Ordinal));
        Assert.True(startsWithBillNumber <= 2, $"{startsWithBillNumber} pages still start with the running header");
        Assert.DoesNotContain(document.Passages, p => System.Text.RegularExpressions.Regex.IsMatch(p.Text, @"\n\n\d{1,2}$"));
    }

    [Fact]
    public void Pdf_properties_come_from_pdfinfo()
    {
        var document = TestDocuments.ExtractOk(_extractor, "real-swedish/prop-2012-13-182-internationell-delgivning.pdf");
        Assert.Equal("Prop. 2012/13:182", document.Properties.Title);
        Assert.Equal("Proposition", document.Properties.Subject);
        Assert.Equal(new DateTimeOffset(2013, 6, 27, 11, 25, 40, TimeSpan.Zero), document.Properties.Created);
        Assert.Equal(new DateTimeOffset(2013, 6, 27, 11, 30, 14, TimeSpan.Zero), document.Properties.Modified);
    }

    [Fact]
    public void Pdf_word_processor_file_name_is_not_taken_as_title()
    {
        var document = TestDocuments.ExtractOk(_extractor, "problematic/custom-font-encoding-prop-1999-2000-17.pdf");
        Assert.Null(document.Properties.Title);
        Assert.Equal(11, document.Properties.PageCount);
    }

    [Fact]
    public void Pdf_typographic_artefacts_are_cleaned()
    {
        var document = TestDocuments.ExtractOk(_extractor, "generated/svarlast-text-kodning-och-layout.pdf");
        var text = TestDocuments.AllText(document);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Assert.Contains("Våld i nära relationer, överfall, ångest", text, StringComparison.Ordinal);
        Assert.Contains("det finns flera fickor och flickor", text, StringComparison.Ordinal);
        Assert.Contains("kvinnofridskränkning och hedersrelaterat", text, StringComparison.Ordinal);
        Assert.Contains("våldsutsatta kvinnor", text, StringComparison.Ordinal);
        Assert.Contains("4 kap. 4 a § brottsbalken", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u00AD', text);
        Assert.DoesNotContain('\u00A0', text);
        Assert.DoesNotContain('\uFB01', text);
        Assert.Equal([1, 2], document.Passages.Select(p => p.Page ?? 0).Distinct());
        Assert.Equal("14. Sida 2 innehåller bara denna rad och ett sidnummer.", document.Passages[^1].Text);
        Assert.DoesNotContain("Diarienummer 2024-0815", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_sentence_across_a_page_break_keeps_each_half_on_its_page()
    {
        var document = Multipage.Value;
        Assert.EndsWith("En kontakt med", document.Passages.Last(p => p.Page == 4).Text, StringComparison.Ordinal);
        Assert.StartsWith("föräldrarna kan i värsta fall", document.Passages.First(p => p.Page == 5).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_with_owner_password_only_is_extracted()
    {
        var document = TestDocuments.ExtractOk(_extractor, "problematic/encrypted-aes-no-user-password-prop-2013-14-104.pdf");
        Assert.Equal(81, document.Properties.PageCount);
        Assert.Contains("nyanlända invandrares", document.Passages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_recovered_by_poppler_despite_broken_xref_is_extracted()
    {
        var document = TestDocuments.ExtractOk(_extractor, "problematic/broken-xref-wrong-offsets.pdf");
        Assert.Equal(3, document.Passages.Select(p => p.Page).Distinct().Count());
        Assert.Contains("Våld i nära relationer", TestDocuments.AllText(document), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diacritics-export-pdfpig.pdf", "Espinosa Spínola")]
    [InlineData("non-latin-arabic-acrobat-pdfpig.pdf", "محمد")]
    [InlineData("grapheme-clusters-emoji-pdfpig.pdf", "👩🏽‍🚒")]
    [InlineData("old-gutnish-wikipedia-pdfpig.pdf", "Gutnish")]
    public void Pdf_with_unusual_characters_is_extracted_in_nfc(string file, string expected)
    {
        var text = TestDocuments.AllText(TestDocuments.ExtractOk(_extractor, $"encoding/{file}"));
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Pdf_text_over_the_cap_is_cut_with_a_note()
    {
        var limits = TestDocuments.Limits with { MaxTextChars = 5000 };
        var result = _extractor.Extract(TestDocuments.PathOf("real-swedish/prop-2012-13-182-internationell-delgivning.pdf"), limits, CancellationToken.None);
        Assert.True(result.Succeeded);
        var document = result.Document!;
        Assert.True(TestDocuments.AllText(document).Length <= 5000);
        Assert.Contains(document.Notes, n => n.StartsWith("Texten var för lång", StringComparison.Ordinal));
    }
}

/// <summary>Problem files and awkward names, in their own class so they run in parallel with the content tests.</summary>
public class PdfProblemFileTests
{
    private readonly PdfExtractor _extractor = new(new ProcessRunner());

    [Theory]
    [InlineData("zero-bytes.pdf", ExtractionFailureKind.Empty, "tom")]
    [InlineData("zero-pages.pdf", ExtractionFailureKind.Empty, "inga sidor")]
    [InlineData("empty-page-no-content-pdfpig.pdf", ExtractionFailureKind.Empty, "ingen text")]
    [InlineData("not-a-pdf-html-content.pdf", ExtractionFailureKind.Corrupt, "HTML-sida")]
    [InlineData("encrypted-user-password-hemligt.pdf", ExtractionFailureKind.Encrypted, "skyddad med lösenord")]
    [InlineData("truncated-no-xref-no-trailer.pdf", ExtractionFailureKind.Corrupt, "skadad")]
    [InlineData("broken-xref-offsets-pdfpig.pdf", ExtractionFailureKind.Corrupt, "skadad")]
    public void Pdf_problem_file_fails_with_its_kind_and_a_swedish_reason(string file, ExtractionFailureKind kind, string reason)
    {
        var result = _extractor.Extract(TestDocuments.PathOf($"problematic/{file}"), TestDocuments.Limits, CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.Equal(kind, result.Failure!.Kind);
        Assert.Contains(reason, result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_that_takes_longer_than_the_time_limit_is_a_timeout()
    {
        var limits = TestDocuments.Limits with { Timeout = TimeSpan.FromMilliseconds(1) };
        var result = _extractor.Extract(TestDocuments.PathOf("real-swedish/prop-2012-13-182-internationell-delgivning.pdf"), limits, CancellationToken.None);
        Assert.Equal(ExtractionFailureKind.Timeout, result.Failure?.Kind);
        Assert.Contains("tog för lång tid", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_named_file_that_is_a_png_is_reported_as_an_image()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("bild.pdf");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
        var result = _extractor.Extract(path, TestDocuments.Limits, CancellationToken.None);
        Assert.Equal(ExtractionFailureKind.Corrupt, result.Failure?.Kind);
        Assert.Contains("PNG-bild", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("med mellanslag och å ä ö.pdf")]
    [InlineData("emoji 👩🏽‍🚒 rapport.pdf")]
    [InlineData("-börjar med minus.pdf")]
    [InlineData("citat \"och\" 'apostrof' $HOME;.pdf")]
    public void Pdf_with_awkward_file_name_is_extracted(string name)
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File(name);
        File.Copy(TestDocuments.PathOf("generated/vagledning-vald-i-nara-relationer.pdf"), path);
        var result = _extractor.Extract(path, TestDocuments.Limits, CancellationToken.None);
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(3, result.Document!.Passages.Select(p => p.Page).Distinct().Count());
    }

    [Fact]
    public void Pdf_with_decomposed_unicode_file_name_is_extracted()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("Va\u030Ald i na\u0308ra relationer.pdf");
        File.Copy(TestDocuments.PathOf("generated/vagledning-vald-i-nara-relationer.pdf"), path);
        var result = _extractor.Extract(path, TestDocuments.Limits, CancellationToken.None);
        Assert.True(result.Succeeded, result.Failure?.Message);
    }
}
