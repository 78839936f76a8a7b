using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Facets;

public sealed class FacetTests : IClassFixture<FacetTests.Fixture>
{
    private readonly TestCorpus _corpus;

    public FacetTests(Fixture fixture) => _corpus = fixture.Corpus;

    private static int Count(SearchResponse response, string facet, string value) =>
        response.Facets[facet].FirstOrDefault(v => v.Id == value)?.Count ?? 0;

    [Fact]
    public void Facets_WithoutSelection_CountAllMatchingDocuments()
    {
        var response = _corpus.Search("våld");

        Assert.Equal(4, response.Total);
        Assert.Equal(2, Count(response, "amne", "trauma"));
        Assert.Equal(2, Count(response, "amne", "samverkan"));
        Assert.Equal(3, Count(response, "yrkesgrupp", "skola"));
        Assert.Equal(2, Count(response, "ar", "2020"));
    }

    [Fact]
    public void Facets_SelectedFacet_IgnoresItsOwnSelectionAndRespectsTheOthers()
    {
        var response = _corpus.Search("våld", new() { ["amne"] = ["trauma"], ["yrkesgrupp"] = ["skola"] });

        // Results: trauma AND skola.
        Assert.Equal(["a.md", "c.md"], response.Hits.Select(h => h.Path).Order());

        // amne counts ignore the amne selection but respect yrkesgrupp=skola (a, c, d).
        Assert.Equal(2, Count(response, "amne", "trauma"));
        Assert.Equal(1, Count(response, "amne", "samverkan"));

        // yrkesgrupp counts ignore yrkesgrupp but respect amne=trauma: a (skola), c (skola, polis).
        Assert.Equal(2, Count(response, "yrkesgrupp", "skola"));
        Assert.Equal(1, Count(response, "yrkesgrupp", "polis"));
        Assert.True(response.Facets["amne"].Single(v => v.Id == "trauma").Selected);
    }

    [Fact]
    public void Facets_SeveralValuesOfOneFacet_AreOred()
    {
        var response = _corpus.Search("våld", new() { ["amne"] = ["trauma", "samverkan"] });

        Assert.Equal(["a.md", "b.md", "c.md"], response.Hits.Select(h => h.Path).Order());
    }

    [Fact]
    public void Facets_UnknownFacetOrValue_IsAClearError()
    {
        var facet = Assert.Throws<SearchInputException>(() => _corpus.Search("våld", new() { ["farg"] = ["bla"] }));
        var value = Assert.Throws<SearchInputException>(() => _corpus.Search("våld", new() { ["amne"] = ["finns-inte"] }));

        Assert.Equal("okand-facett", facet.ErrorType);
        Assert.Equal("okant-facettvarde", value.ErrorType);
        Assert.Contains("finns-inte", value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Facets_InlineFilterInTheQuery_Filters()
    {
        var response = _corpus.Search("yrkesgrupp:polis våld");

        Assert.Equal(["b.md", "c.md"], response.Hits.Select(h => h.Path).Order());
    }

    [Fact]
    public void Facets_LabelsComeFromTheTaxonomy()
    {
        var response = _corpus.Search("våld");

        Assert.Equal("Skola och förskola", response.Facets["yrkesgrupp"].Single(v => v.Id == "skola").Label);
        Assert.Equal("Socialstyrelsen", response.Facets["utgivare"].Single().Label);
    }

    [Fact]
    public void GetFacets_CountsTheWholeIndex()
    {
        var summary = _corpus.Index.Search.GetFacets();

        Assert.Equal(5, summary.Single(f => f.Id == "status").Values.Sum(v => v.Count));
    }

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Corpus.WriteMarkdown("a.md", "A", "Våld.", "amne: [trauma]\nyrkesgrupp: [skola]\nyear: 2020\npublisher: \"Socialstyrelsen\"");
            Corpus.WriteMarkdown("b.md", "B", "Våld.", "amne: [samverkan]\nyrkesgrupp: [polis]\nyear: 2020");
            Corpus.WriteMarkdown("c.md", "C", "Våld.", "amne: [trauma, samverkan]\nyrkesgrupp: [skola, polis]\nyear: 2021");
            Corpus.WriteMarkdown("d.md", "D", "Våld.", "amne: [lagstiftning]\nyrkesgrupp: [skola]\nyear: 2022");
            Corpus.WriteMarkdown("e.md", "E", "Annat.", "amne: [trauma]");
            Corpus.Sync();
        }

        public TestCorpus Corpus { get; } = new();

        public void Dispose() => Corpus.Dispose();
    }
}
