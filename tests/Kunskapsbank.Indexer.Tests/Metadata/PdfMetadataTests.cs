using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Tests.Metadata;

/// <summary>Kind, publisher and year of real PDFs without a sidecar, from their first page and creation date.</summary>
public class PdfMetadataTests
{
    private static readonly ExtractorRegistry Registry = ExtractorRegistry.CreateDefault();

    private static string Document(string relative) => Path.Combine(AppContext.BaseDirectory, "data", "documents", relative);

    private static ExtractedDocument Extract(string path)
    {
        // The generous OCR limits: one file here is a scan, and the machine is shared with parallel tests.
        var result = Registry.Extract(path, Extraction.TestDocuments.OcrLimits, CancellationToken.None);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Document!;
    }

    [Fact]
    public void Government_bill_is_a_proposition_from_Regeringen_dated_by_its_signature()
    {
        var path = Document("real-swedish/prop-2012-13-182-internationell-delgivning.pdf");

        var metadata = MetadataTestData.Resolver.Resolve(path, Extract(path));

        Assert.Equal("proposition", metadata.DocumentType);
        Assert.Equal("Regeringen", metadata.Publisher);
        Assert.Equal(2013, metadata.Year);
        var year = Assert.Single(metadata.Tags, t => t.Facet == FacetIds.Ar);
        Assert.Equal("Året kommer från första sidan (”Stockholm den 27 juni 2013”).", year.Reason);
        Assert.Contains(metadata.Tags, t => t.Facet == FacetIds.Utgivare && t.Reason.Contains("”Regeringens proposition 2012/13:182”", StringComparison.Ordinal));
    }

    [Fact]
    public void Terms_of_reference_are_kommittedirektiv_dated_by_the_government_meeting()
    {
        var path = Document("real-swedish/dir-2014-158-fondregelverket.pdf");

        var metadata = MetadataTestData.Resolver.Resolve(path, Extract(path));

        Assert.Equal(("kommittedirektiv", "Regeringen", 2014), (metadata.DocumentType, metadata.Publisher, metadata.Year));
        var kind = Assert.Single(metadata.Tags, t => t.Facet == FacetIds.Dokumenttyp);
        Assert.Equal((TagSource.AutoTag, "Automatiskt från första sidan (”Dir. 2014:158”)."), (kind.Source, kind.Reason));
        Assert.Contains("regeringssammanträde den 18 december 2014", Assert.Single(metadata.Tags, t => t.Facet == FacetIds.Ar).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Scanned_bill_read_by_ocr_is_recognised_and_dated_from_its_text_not_the_scan_date()
    {
        var path = Document("problematic/scanned-no-text-layer-prop-1991-92-43.pdf");

        var metadata = MetadataTestData.Resolver.Resolve(path, Extract(path));

        Assert.Equal("proposition", metadata.DocumentType);
        Assert.Equal("Regeringen", metadata.Publisher);
    }

    [Fact]
    public void Pdf_without_a_dated_line_takes_its_year_from_the_creation_date()
    {
        var path = Document("generated/kunskapsunderlag-hedersrelaterat-vald-flersidig.pdf");
        var document = Extract(path);

        var metadata = MetadataTestData.Resolver.Resolve(path, document);

        Assert.Equal(document.Properties.Created!.Value.Year, metadata.Year);
        Assert.StartsWith("Året kommer från PDF-filens skapandedatum (", Assert.Single(metadata.Tags, t => t.Facet == FacetIds.Ar).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sidecar_year_and_type_beat_the_first_page()
    {
        var corpus = Directory.CreateTempSubdirectory("kb-pdf-metadata-");
        try
        {
            var path = Path.Combine(corpus.FullName, "prop.pdf");
            File.Copy(Document("real-swedish/prop-2012-13-182-internationell-delgivning.pdf"), path);
            File.WriteAllText(path + ".meta.yml", "år: 2020\ndokumenttyp: rapport\n");

            var metadata = MetadataTestData.Resolver.Resolve(path, Extract(path));

            Assert.Equal((2020, "rapport", "Regeringen"), (metadata.Year, metadata.DocumentType, metadata.Publisher));
            Assert.Equal(TagSource.Sidecar, Assert.Single(metadata.Tags, t => t.Facet == FacetIds.Ar).Source);
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("SOSFS 2014:4\nSocialstyrelsens föreskrifter och allmänna råd om våld i nära relationer", "foreskrift", "Socialstyrelsen", 2014)]
    [InlineData("HSLF-FS 2022:39\nFolkhälsomyndighetens föreskrifter om smittskydd", "foreskrift", "Folkhälsomyndigheten", 2022)]
    [InlineData("AFS 2001:1\nSystematiskt arbetsmiljöarbete", "foreskrift", "Arbetsmiljöverket", 2001)]
    [InlineData("SOU 2014:49\nFörbättrat skydd mot tvångsäktenskap och barnäktenskap", "utredning", "Regeringskansliet", 2014)]
    [InlineData("Ds 2011:46\nInternationell delgivning", "utredning", "Regeringskansliet", 2011)]
    [InlineData("Rutin vid misstanke om hedersrelaterat våld\nSkrivet enligt SOSFS 2014:4 och SOU 2014:49.", null, null, null)]
    public void First_page_names_kind_publisher_and_year(string firstPage, string? kind, string? publisher, int? year)
    {
        var document = new ExtractedDocument(DocumentProperties.Empty, [new ExtractedPassage(firstPage, 1, [], 0)], []);

        var recognized = DocumentKindRecognizer.Recognize(document);

        Assert.Equal((kind, publisher, year), (recognized.DocumentType, recognized.Publisher, recognized.Year));
    }

    [Fact]
    public void Date_a_law_takes_effect_is_not_the_documents_year()
    {
        var document = new ExtractedDocument(DocumentProperties.Empty, [new ExtractedPassage("Lagändringarna föreslås träda i kraft den 1 januari 2014.", 1, [], 0)], []);

        Assert.Null(DocumentKindRecognizer.Recognize(document).Year);
    }
}
