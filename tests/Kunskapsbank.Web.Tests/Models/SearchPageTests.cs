using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Web.Models;

namespace Kunskapsbank.Web.Tests.Models;

public sealed class SearchPageModelTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets =
        new Dictionary<string, IReadOnlyList<FacetCount>>
        {
            ["ar"] = [new("2019", "2019", 2, false), new("2024", "2024", 1, false), new("2001", "2001", 0, false)],
            ["amne"] = [new("riskbedomning", "Riskbedömning", 0, true), new("trauma", "Trauma", 3, false)],
            ["dokumenttyp"] = [new("vagledning", "Vägledning", 3, false)],
        };

    private static SearchPage Page(int total, int page, string query = "?q=hot&amne=riskbedomning") =>
        new(
            SearchMode.Search,
            SearchQuery.FromQueryString(new Microsoft.AspNetCore.Http.QueryCollection(
                Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query + "&sida=" + page))),
            new SearchResponse(total, [], Facets, null, false, null, null),
            null,
            10);

    [Fact]
    public void Paging_counts_pages_and_ranks_from_the_current_page()
    {
        var page = Page(total: 23, page: 3);

        Assert.Equal(3, page.PageCount);
        Assert.Equal(21, page.FirstRank);
        Assert.Equal("/?q=hot&amne=riskbedomning&sida=2", page.PageUrl(2));
        Assert.Equal("/?q=hot&amne=riskbedomning", page.PageUrl(1));
    }

    [Fact]
    public void Facet_groups_hide_empty_values_but_keep_selected_ones_and_list_years_newest_first()
    {
        var page = Page(total: 3, page: 1);

        Assert.Equal(["Ämne", "Dokumenttyp", "År"], page.FacetGroups.Select(g => g.Label));
        Assert.Equal(["riskbedomning", "trauma"], page.FacetGroups[0].Values.Select(v => v.Id));
        Assert.Equal(["2024", "2019"], page.FacetGroups[2].Values.Select(v => v.Id));
    }

    [Fact]
    public void Active_filters_become_chips_with_labels_and_removal_links()
    {
        var chip = Assert.Single(Page(total: 0, page: 1).ActiveFilters);

        Assert.Equal("Ämne", chip.FacetLabel);
        Assert.Equal("Riskbedömning", chip.ValueLabel);
        Assert.Equal("/?q=hot", chip.RemoveUrl);
    }

    [Theory]
    [InlineData(0, "Inga träffar för ”hot” med de valda filtren.")]
    [InlineData(1, "1 träff för ”hot”.")]
    [InlineData(1234, "1\u00a0234 träffar för ”hot”.")]
    public void Status_text_says_how_many_hits_in_swedish(int total, string expected) =>
        Assert.Equal(expected, Page(total, 1).StatusText);

    [Fact]
    public void No_hits_without_filters_names_the_query_and_a_rejected_input_gets_its_own_heading()
    {
        Assert.Equal("Inga träffar för ”hot”.", Page(0, 1, "?q=hot").StatusText);
        var rejected = new SearchPage(SearchMode.Search, SearchQuery.Empty.WithText("hot"), null, "Ämnet finns inte.", 10);
        Assert.Equal("Sökningen kunde inte göras.", rejected.Heading);
        Assert.Equal("Ämnet finns inte.", rejected.StatusText);
    }

    [Fact]
    public void Fewer_words_are_offered_as_one_search_per_word_but_not_for_operators()
    {
        var words = Page(0, 1, "?q=hot%20hedersnorm%20hot").SingleWordSearches;
        Assert.Equal(["hot", "hedersnorm"], words.Select(w => w.Word));
        Assert.Equal("/?q=hedersnorm", words[1].Url);
        Assert.Empty(Page(0, 1, "?q=hot").SingleWordSearches);
        Assert.Empty(Page(0, 1, "?q=%22hot%20mot%22").SingleWordSearches);
    }

    [Fact]
    public void Document_types_are_named_by_their_label() =>
        Assert.Equal("Vägledning", Page(3, 1).DocumentTypeLabel("vagledning"));
}
