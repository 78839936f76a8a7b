using Kunskapsbank.Web.Models;
using Microsoft.AspNetCore.Http;

namespace Kunskapsbank.Web.Tests.Models;

public sealed class SearchQueryTests
{
    private static SearchQuery Parse(string queryString) =>
        SearchQuery.FromQueryString(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)));

    [Fact]
    public void Url_round_trips_text_filters_and_page()
    {
        var query = Parse("?q=v%C3%A5ld%20i%20n%C3%A4ra&amne=hedersrelaterat-vald&amne=riskbedomning&ar=2023&sida=2");

        Assert.Equal("våld i nära", query.Text);
        Assert.Equal(["hedersrelaterat-vald", "riskbedomning"], query.Filters["amne"]);
        Assert.Equal(2, query.Page);
        Assert.Equal(query, Parse(query.ToUrl("/")[1..]), SearchQueryComparer.Instance);
    }

    [Fact]
    public void Searching_as_typed_survives_paging_but_not_a_new_text()
    {
        var query = Parse("?q=oroasnm%C3%A4lan").AsTyped();

        Assert.Equal("/?q=oroasnm%C3%A4lan&exakt=1", query.ToUrl("/"));
        Assert.False(query.ToRequest(10).CorrectTypos);
        Assert.True(Parse(query.WithPage(2).ToUrl("/")[1..]).Exact);
        Assert.False(query.WithText("orosanmälan").Exact);
        Assert.True(Parse("?q=x").ToRequest(10).CorrectTypos);
    }

    [Fact]
    public void Unknown_parameters_are_ignored_and_sizes_bounded()
    {
        var query = Parse("?q=" + new string('a', 3000) + "&okand=1&sida=-4&malgrupp=&malgrupp=%20");

        Assert.Equal(SearchQuery.MaxTextLength, query.Text.Length);
        Assert.Empty(query.Filters);
        Assert.Equal(1, query.Page);
    }

    [Fact]
    public void Removing_a_filter_keeps_the_others_and_returns_to_page_one()
    {
        var query = Parse("?q=hot&amne=a&amne=b&malgrupp=c&sida=3");

        var url = query.WithoutFilter("amne", "a").ToUrl("/stodtelefon");

        Assert.Equal("/stodtelefon?q=hot&malgrupp=c&amne=b", url);
    }

    private sealed class SearchQueryComparer : IEqualityComparer<SearchQuery>
    {
        public static readonly SearchQueryComparer Instance = new();

        public bool Equals(SearchQuery? x, SearchQuery? y) =>
            x is not null && y is not null && x.Text == y.Text && x.Page == y.Page
            && x.Filters.Count == y.Filters.Count
            && x.Filters.All(f => y.Filters.TryGetValue(f.Key, out var v) && v.SequenceEqual(f.Value));

        public int GetHashCode(SearchQuery obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
    }
}
