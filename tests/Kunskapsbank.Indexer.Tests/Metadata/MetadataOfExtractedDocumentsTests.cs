using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Tests.Metadata;

/// <summary>The resolver on documents really extracted (pdftotext, OpenXml, Markdown) from tests/data/documents.</summary>
public class MetadataOfExtractedDocumentsTests
{
    private static readonly ExtractorRegistry Registry = ExtractorRegistry.CreateDefault();

    private static string Generated(string name) => Path.Combine(AppContext.BaseDirectory, "data", "documents", "generated", name);

    private static ExtractedDocument Extract(string path)
    {
        var result = Registry.Extract(path, ExtractionLimits.Default, CancellationToken.None);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Document!;
    }

    [Fact]
    public void Pdf_gets_title_and_keyword_tags_from_its_properties_and_topics_from_its_text()
    {
        var path = Generated("rutin-hedersrelaterat-vald.pdf");

        var metadata = MetadataTestData.Resolver.Resolve(path, Extract(path));

        Assert.Equal("Rutin för arbetet mot hedersrelaterat våld och förtryck", metadata.Title);
        Assert.Equal("rutin", metadata.DocumentType);
        Assert.Equal(TagSource.Properties, Assert.Single(metadata.Tags, t => t.Facet == "dokumenttyp").Source);
        var yrkesgrupp = Assert.Single(metadata.Tags, t => t.Facet == "yrkesgrupp");
        Assert.Equal(("socialtjanst", TagSource.Properties), (yrkesgrupp.Value, yrkesgrupp.Source));
        var honour = Assert.Single(metadata.Tags, t => t is { Facet: "amne", Value: "hedersrelaterat-vald" });
        Assert.Equal(TagSource.AutoTag, honour.Source);
        Assert.Contains("bl.a. i titeln", honour.Reason);
        Assert.Null(metadata.Publisher);
        Assert.Empty(metadata.Problems);
    }

    [Fact]
    public void Markdown_guidance_is_typed_from_its_title_and_tagged_from_its_text()
    {
        var path = Generated("vagledning-vald-i-nara-relationer.md");

        var metadata = MetadataTestData.Resolver.Resolve(path, Extract(path));

        Assert.Equal("Vägledning: Våld i nära relationer – stöd och skydd", metadata.Title);
        Assert.Equal("vagledning", metadata.DocumentType);
        Assert.Contains("vald-i-nara-relationer", MetadataTestData.ValuesOf(metadata, "amne"));
        Assert.InRange(MetadataTestData.ValuesOf(metadata, "amne").Count(), 1, 3);
        Assert.All(metadata.Tags.Where(t => t.Facet is "malgrupp" or "amne" or "yrkesgrupp"), t => Assert.Equal(TagSource.AutoTag, t.Source));
    }

    [Fact]
    public void Sidecar_next_to_a_real_pdf_overrides_its_properties()
    {
        var corpus = Directory.CreateTempSubdirectory("kb-extracted-");
        try
        {
            var path = Path.Combine(corpus.FullName, "Rutin hedersrelaterat våld.pdf");
            File.Copy(Generated("rutin-hedersrelaterat-vald.pdf"), path);
            File.WriteAllText(path + ".meta.yml", """
                titel: Rutin vid misstanke om hedersrelaterat våld
                utgivare: Exempelkommunens socialtjänst
                år: 2023
                dokumenttyp: rutin
                målgrupp: hederskontext, unga
                ämne: hedersrelaterat-vald, riskbedomning
                yrkesgrupp: socialtjanst, skola
                status: gällande
                """);

            var metadata = MetadataTestData.Resolver.Resolve(path, Extract(path));

            Assert.Equal("Rutin vid misstanke om hedersrelaterat våld", metadata.Title);
            Assert.Equal(2023, metadata.Year);
            Assert.Equal(["socialtjanst", "skola"], MetadataTestData.ValuesOf(metadata, "yrkesgrupp"));
            Assert.Equal(["hedersrelaterat-vald", "riskbedomning"], MetadataTestData.ValuesOf(metadata, "amne"));
            Assert.All(metadata.Tags.Where(t => t.Facet != "status"), t => Assert.Equal(TagSource.Sidecar, t.Source));
            Assert.Empty(metadata.Problems);
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }
}
