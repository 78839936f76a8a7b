using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Tests.Metadata;

public class MetadataPrecedenceTests
{
    private const string HonourText =
        "Hedersrelaterat våld och förtryck drabbar många unga. Hedersvåld kan yttra sig som kontroll. " +
        "Hedersförtryck är vanligt i familjer med starka hedersnormer. Unga som lever i en hederskontext behöver stöd och unga i hederskontext ska få hjälp. Skolkuratorn och elevhälsan ser ofta tecknen.";

    private static readonly DocumentProperties FrontMatter = new(
        Title: "Titel från egenskaperna",
        Fields: new Dictionary<string, IReadOnlyList<string>>
        {
            ["publisher"] = ["Länsstyrelsen i Exempellän"],
            ["year"] = ["2019"],
            ["amne"] = ["sekretess"],
            ["yrkesgrupp"] = ["polis", "okänd-grupp"],
        });

    [Fact]
    public void Sidecar_beats_properties_which_beat_auto_tags_per_facet()
    {
        var corpus = Directory.CreateTempSubdirectory("kb-precedence-");
        try
        {
            var document = Path.Combine(corpus.FullName, "rutin.md");
            File.WriteAllText(document + ".meta.yml", "titel: Titel från sidofilen\nämne: trauma\n");

            var metadata = MetadataTestData.Resolver.Resolve(document, MetadataTestData.Document(FrontMatter, ("Hedersvåld i skolan", HonourText)));

            Assert.Equal("Titel från sidofilen", metadata.Title);
            Assert.Equal("Länsstyrelsen i Exempellän", metadata.Publisher);
            Assert.Equal(2019, metadata.Year);

            var amne = Assert.Single(metadata.Tags, t => t.Facet == "amne");
            Assert.Equal(("trauma", TagSource.Sidecar), (amne.Value, amne.Source));
            Assert.Equal("Från sidofilen rutin.md.meta.yml (den anger ämne, så inga värden läggs till från egenskaper eller automatisk taggning).", amne.Reason);

            var yrkesgrupp = Assert.Single(metadata.Tags, t => t.Facet == "yrkesgrupp");
            Assert.Equal(("polis", TagSource.Properties), (yrkesgrupp.Value, yrkesgrupp.Source));
            Assert.Contains(metadata.Problems, p => p.Contains("okänt värde 'okänd-grupp'"));

            // Neither the sidecar nor the properties set målgrupp, so auto-tagging may.
            Assert.All(metadata.Tags.Where(t => t.Facet == "malgrupp"), t => Assert.Equal(TagSource.AutoTag, t.Source));
            Assert.Contains("hederskontext", MetadataTestData.ValuesOf(metadata, "malgrupp"));
            Assert.Equal(TagSource.Properties, Assert.Single(metadata.Tags, t => t.Facet == "ar").Source);
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }

    [Fact]
    public void Without_sidecar_or_properties_the_facets_come_from_auto_tagging()
    {
        var metadata = MetadataTestData.Resolver.Resolve("hedersvald.txt", MetadataTestData.Document(null, ("Hedersvåld i skolan", HonourText)));

        Assert.Equal("Hedersvåld i skolan", metadata.Title);
        var honour = Assert.Single(metadata.Tags, t => t is { Facet: "amne", Value: "hedersrelaterat-vald" });
        Assert.Equal(TagSource.AutoTag, honour.Source);
        Assert.StartsWith("Automatiskt: triggerorden", honour.Reason);
        Assert.Contains("bl.a. i titeln", honour.Reason);
        Assert.Contains("skola", MetadataTestData.ValuesOf(metadata, "yrkesgrupp"));
    }

    [Fact]
    public void Properties_keywords_naming_a_value_become_tags_and_the_author_is_not_the_publisher()
    {
        var properties = new DocumentProperties(Title: "Microsoft Word - dokument1.docx", Author: "Anna Andersson", Keywords: ["Könsstympning av flickor och kvinnor", "viktigt", "faktablad"]);

        var metadata = MetadataTestData.Resolver.Resolve("fgm-fakta.docx", MetadataTestData.Document(properties, (null, "Kort text utan triggerord.")));

        Assert.Equal("Fgm fakta", metadata.Title);
        Assert.Null(metadata.Publisher);
        Assert.DoesNotContain(metadata.Tags, t => t.Facet == "utgivare");
        Assert.Equal("faktablad", metadata.DocumentType);
        Assert.Equal(["konsstympning"], MetadataTestData.ValuesOf(metadata, "amne"));
        Assert.Empty(metadata.Problems);
    }

    [Fact]
    public void Markdown_front_matter_sets_status_and_superseded_by()
    {
        var properties = new DocumentProperties(Fields: new Dictionary<string, IReadOnlyList<string>>
        {
            ["title"] = ["Gamla föreskrifterna"],
            ["status"] = ["ersatt av HSLF-FS 2022:39"],
            ["dokumenttyp"] = ["Föreskrift"],
        });

        var metadata = MetadataTestData.Resolver.Resolve("sosfs.md", MetadataTestData.Document(properties));

        Assert.Equal("Gamla föreskrifterna", metadata.Title);
        Assert.Equal(DocumentStatus.Superseded, metadata.Status);
        Assert.Equal("HSLF-FS 2022:39", metadata.SupersededBy);
        Assert.Equal("foreskrift", metadata.DocumentType);
        Assert.Equal(["ersatt"], MetadataTestData.ValuesOf(metadata, "status"));
    }
}
