using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Tests.Extraction;

namespace Kunskapsbank.Indexer.Tests.Metadata;

public class TaxonomyLoaderTests
{
    [Fact]
    public void Parse_reads_facets_values_labels_and_all_trigger_styles()
    {
        var (taxonomy, problems) = TaxonomyLoader.Parse(MetadataTestData.ReadText("taxonomy-small.yml"), "taxonomy-small.yml");

        Assert.Empty(problems);
        Assert.NotNull(taxonomy);
        var malgrupp = taxonomy.Find("malgrupp")!;
        Assert.Equal("Målgrupp", malgrupp.Label);
        Assert.Equal(["äldre kvinnor", "äldreomsorg"], malgrupp.Find("aldre")!.Triggers);
        Assert.Equal(["ungdomar", "unga vuxna"], malgrupp.Find("unga")!.Triggers);
        var stod = taxonomy.Find("amne")!.Find("stod-och-behandling")!;
        Assert.Equal("Stöd, behandling och insatser", stod.Label);
        Assert.Equal(["stödsamtal", "behandling"], stod.Triggers);
        Assert.Empty(taxonomy.Find("yrkesgrupp")!.Find("polis")!.Triggers);
    }

    [Fact]
    public void Parse_appends_the_derived_facets_year_publisher_and_status()
    {
        var (taxonomy, _) = TaxonomyLoader.Parse(MetadataTestData.ReadText("taxonomy-small.yml"), "taxonomy-small.yml");

        Assert.Equal(["malgrupp", "amne", "yrkesgrupp", "ar", "utgivare", "status"], taxonomy!.Facets.Select(f => f.Id));
        Assert.Empty(taxonomy.Find("ar")!.Values);
        Assert.Empty(taxonomy.Find("utgivare")!.Values);
        Assert.Equal(["gallande", "ersatt", "upphavd"], taxonomy.Find("status")!.Values.Select(v => v.Id));
        Assert.Equal("Upphävd", taxonomy.Find("status")!.Find("upphavd")!.Label);
    }

    [Fact]
    public void Parse_of_a_broken_file_names_every_error_with_its_line_number()
    {
        var (taxonomy, problems) = TaxonomyLoader.Parse(MetadataTestData.ReadText("taxonomy-broken.yml"), "taxonomi.yml");

        Assert.Null(taxonomy);
        Assert.Contains(problems, p => p.StartsWith("taxonomi.yml rad 6:", StringComparison.Ordinal) && p.Contains("'aldre-personer'"));
        Assert.Contains(problems, p => p.StartsWith("taxonomi.yml rad 9:", StringComparison.Ordinal) && p.Contains("kolon"));
        Assert.Contains(problems, p => p.StartsWith("taxonomi.yml rad 12:", StringComparison.Ordinal) && p.Contains("'färg'"));
        Assert.Contains(problems, p => p.StartsWith("taxonomi.yml rad 16:", StringComparison.Ordinal) && p.Contains("tabb"));
        Assert.Contains(problems, p => p.Contains("'yrkesgrupp' saknas"));
    }

    [Fact]
    public void Parse_rejects_a_derived_facet_defined_in_the_file()
    {
        var (taxonomy, problems) = TaxonomyLoader.Parse(MetadataTestData.ReadText("taxonomy-missing-facet.yml"), "taxonomi.yml");

        Assert.Null(taxonomy);
        Assert.Contains(problems, p => p.StartsWith("taxonomi.yml rad 12:", StringComparison.Ordinal) && p.Contains("'ar'"));
        Assert.Contains(problems, p => p.Contains("'yrkesgrupp' saknas"));
    }

    [Fact]
    public void LoadFromCorpus_falls_back_to_the_built_in_taxonomy_and_reports_why()
    {
        var corpus = Directory.CreateTempSubdirectory("kb-taxonomy-");
        try
        {
            File.Copy(MetadataTestData.PathOf("taxonomy-broken.yml"), Path.Combine(corpus.FullName, "taxonomi.yml"));

            var loaded = TaxonomyLoader.LoadFromCorpus(corpus.FullName);

            Assert.True(loaded.IsBuiltIn);
            Assert.NotNull(loaded.Taxonomy.Find("amne")!.Find("hedersrelaterat-vald"));
            Assert.Contains(loaded.Problems, p => p.StartsWith("taxonomi.yml rad 9:", StringComparison.Ordinal));
            Assert.Contains(loaded.Problems, p => p.Contains("inbyggda standardtaxonomin"));
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadFromCorpus_refuses_a_50_MB_file_by_its_size_and_uses_the_built_in_taxonomy()
    {
        using var corpus = new TestDocuments.TempFolder();
        using (var huge = File.Create(Path.Combine(corpus.Path, "taxonomi.yml")))
        {
            huge.SetLength(50L * 1024 * 1024);
        }

        var loaded = TaxonomyLoader.LoadFromCorpus(corpus.Path);

        Assert.True(loaded.IsBuiltIn);
        Assert.Equal("taxonomi.yml: filen är större än 1 MB och lästes inte. Den inbyggda standardtaxonomin används.", Assert.Single(loaded.Problems));
    }

    [Fact]
    public void LoadFromCorpus_uses_the_editors_file_when_it_is_valid()
    {
        var corpus = Directory.CreateTempSubdirectory("kb-taxonomy-");
        try
        {
            File.Copy(MetadataTestData.PathOf("taxonomy-small.yml"), Path.Combine(corpus.FullName, "taxonomi.yml"));

            var loaded = TaxonomyLoader.LoadFromCorpus(corpus.FullName);

            Assert.False(loaded.IsBuiltIn);
            Assert.Empty(loaded.Problems);
            Assert.Equal(2, loaded.Taxonomy.Find("malgrupp")!.Values.Count);
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }

    [Fact]
    public void Shipped_taxonomy_file_loads_with_the_required_facets_and_labelled_values()
    {
        var path = Path.Combine(MetadataTestData.RepositoryRoot(), "corpus", "taxonomi.yml");

        var (taxonomy, problems) = TaxonomyLoader.Parse(File.ReadAllText(path), "taxonomi.yml");

        Assert.Empty(problems);
        Assert.NotNull(taxonomy);
        Assert.Equal(
            ["malgrupp", "amne", "yrkesgrupp", "dokumenttyp", "ar", "utgivare", "status"],
            taxonomy.Facets.Select(f => f.Id));
        Assert.Equal(["Målgrupp", "Ämne", "Yrkesgrupp", "Dokumenttyp"], taxonomy.Facets.Take(4).Select(f => f.Label));
        Assert.Equal(15, taxonomy.Find("malgrupp")!.Values.Count);
        Assert.Equal(20, taxonomy.Find("amne")!.Values.Count);
        Assert.Equal(11, taxonomy.Find("yrkesgrupp")!.Values.Count);
        Assert.Equal(14, taxonomy.Find("dokumenttyp")!.Values.Count);
        Assert.All(taxonomy.Facets.SelectMany(f => f.Values), v => Assert.False(string.IsNullOrWhiteSpace(v.Label)));
        Assert.All(taxonomy.Facets.Take(3).SelectMany(f => f.Values), v => Assert.NotEmpty(v.Triggers));
    }

    [Fact]
    public void Built_in_taxonomy_defines_the_same_facets_and_values_as_the_shipped_file()
    {
        var path = Path.Combine(MetadataTestData.RepositoryRoot(), "corpus", "taxonomi.yml");
        var (shipped, _) = TaxonomyLoader.Parse(File.ReadAllText(path), "taxonomi.yml");

        var builtIn = TaxonomyLoader.BuiltIn();

        static IEnumerable<string> Ids(Taxonomy t) => t.Facets.SelectMany(f => f.Values.Select(v => $"{f.Id}/{v.Id}/{v.Label}"));
        Assert.Equal(Ids(shipped!), Ids(builtIn));
    }
}
