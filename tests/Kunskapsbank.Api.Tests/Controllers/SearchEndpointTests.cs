using System.Net;
using System.Text.Json;
using Kunskapsbank.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kunskapsbank.Api.Tests.Controllers;

public class SearchEndpointTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Search_returns_hits_with_passages_and_facet_counts()
    {
        var result = await host.GetJsonAsync("/api/search?q=riskbed%C3%B6mning");

        Assert.True(result.GetProperty("total").GetInt32() >= 1);
        var hit = result.GetProperty("hits")[0];
        Assert.EndsWith("rutin-hedersvald.md", hit.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.False(Path.IsPathRooted(hit.GetProperty("path").GetString()));
        Assert.Equal("Rutin vid misstanke om hedersrelaterat våld", hit.GetProperty("title").GetString());
        Assert.True(hit.GetProperty("score").GetDouble() > 0);
        var passage = hit.GetProperty("passages")[0];
        Assert.Contains("<mark>", passage.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.True(passage.TryGetProperty("page", out _));
        Assert.True(passage.TryGetProperty("heading", out _));
        Assert.True(result.TryGetProperty("suggestion", out _));
        foreach (var facet in new[] { "malgrupp", "amne", "yrkesgrupp" })
        {
            var counts = result.GetProperty("facets").GetProperty(facet);
            Assert.Equal(JsonValueKind.Array, counts.ValueKind);
        }

        var amne = result.GetProperty("facets").GetProperty("amne").EnumerateArray().ToList();
        Assert.Contains(amne, v => v.GetProperty("id").GetString() == "hedersrelaterat-vald" && v.GetProperty("count").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_hit_is_one_flat_object_with_the_summary_fields_first()
    {
        var result = await host.GetJsonAsync("/api/search?q=riskbed%C3%B6mning");

        Assert.Equal(
            ["id", "path", "title", "publisher", "year", "documentType", "status", "supersededBy", "score", "facets", "passages", "replacedBy", "titleOnly"],
            result.GetProperty("hits")[0].EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task A_pdf_hit_carries_its_page_number()
    {
        var result = await host.GetJsonAsync("/api/search?q=kollektivt+sanktionerat");
        var hit = result.GetProperty("hits").EnumerateArray().First(h => h.GetProperty("path").GetString()!.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.True(hit.GetProperty("passages")[0].GetProperty("page").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_facet_filter_keeps_only_documents_with_that_value()
    {
        var all = await host.TotalAsync("våld");
        var filtered = await host.GetJsonAsync("/api/search?q=v%C3%A5ld&amne=hedersrelaterat-vald");

        Assert.InRange(filtered.GetProperty("total").GetInt32(), 1, all);
        foreach (var hit in filtered.GetProperty("hits").EnumerateArray())
        {
            var values = hit.GetProperty("facets").GetProperty("amne").EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.Contains("hedersrelaterat-vald", values);
        }
    }

    [Fact]
    public async Task Repeating_a_facet_parameter_selects_several_values()
    {
        var heder = await host.TotalAsync("våld&amne=hedersrelaterat-vald");
        var nara = await host.TotalAsync("våld&amne=vald-i-nara-relationer");
        var both = await host.GetJsonAsync("/api/search?q=v%C3%A5ld&amne=hedersrelaterat-vald&amne=vald-i-nara-relationer");

        Assert.True(both.GetProperty("total").GetInt32() >= Math.Max(heder, nara));
        var selected = both.GetProperty("facets").GetProperty("amne").EnumerateArray()
            .Where(v => v.GetProperty("selected").GetBoolean()).Select(v => v.GetProperty("id").GetString()).ToList();
        Assert.Contains("hedersrelaterat-vald", selected);
        Assert.Contains("vald-i-nara-relationer", selected);
    }

    [Theory]
    [InlineData("/api/search?q=v%C3%A5ld&okandfacett=x")]
    [InlineData("/api/search?q=v%C3%A5ld&amne=finns-inte")]
    [InlineData("/api/search?q=v%C3%A5ld&malgrupp=%3Cscript%3E")]
    public async Task An_unknown_facet_or_value_is_a_400_problem(string url)
    {
        using var response = await host.Client.GetAsync(new Uri(url, UriKind.Relative));
        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=51")]
    [InlineData("pageSize=-5")]
    [InlineData("page=0")]
    [InlineData("page=-1")]
    [InlineData("page=1001")]
    [InlineData("page=99999999999999")]
    [InlineData("pageSize=tio")]
    [InlineData("sort=basta")]
    [InlineData("explain=kanske")]
    public async Task Out_of_bounds_paging_and_sorting_are_400_problems(string parameter)
    {
        using var response = await host.Client.GetAsync(new Uri("/api/search?q=v%C3%A5ld&" + parameter, UriKind.Relative));
        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_page_past_the_last_hit_is_empty_not_an_error()
    {
        var result = await host.GetJsonAsync("/api/search?q=v%C3%A5ld&page=1000&pageSize=50");
        Assert.Equal(0, result.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task Page_size_bounds_the_number_of_hits()
    {
        var result = await host.GetJsonAsync("/api/search?q=v%C3%A5ld&pageSize=1");
        Assert.Equal(1, result.GetProperty("hits").GetArrayLength());
        Assert.True(result.GetProperty("total").GetInt32() > 1);
    }

    [Fact]
    public async Task Sorting_newest_first_orders_by_year()
    {
        var result = await host.GetJsonAsync("/api/search?q=v%C3%A5ld&sort=nyast&pageSize=50");
        var years = result.GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("year")).Where(y => y.ValueKind == JsonValueKind.Number).Select(y => y.GetInt32()).ToList();
        Assert.True(years.Count >= 2, result.ToString());
        Assert.Equal(years.OrderDescending(), years);
    }

    [Fact]
    public async Task Explain_returns_the_parsed_query_and_timings()
    {
        var result = await host.GetJsonAsync("/api/search?q=skyddat+boende&explain=true");
        var explain = result.GetProperty("explain");
        Assert.False(string.IsNullOrEmpty(explain.GetProperty("parsedQuery").GetString()));
        Assert.True(explain.GetProperty("timingsMs").EnumerateObject().Any());

        var plain = await host.GetJsonAsync("/api/search?q=skyddat+boende");
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("explain").ValueKind);
    }

    [Fact]
    public async Task Suggest_completes_a_prefix_and_answers_empty_input_with_nothing()
    {
        var completions = await host.GetJsonAsync("/api/suggest?q=heders");
        Assert.True(completions.GetArrayLength() >= 1, completions.ToString());
        Assert.All(completions.EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("text").GetString())));

        Assert.Equal(0, (await host.GetJsonAsync("/api/suggest?q=")).GetArrayLength());
    }

    [Fact]
    public async Task Facets_lists_the_taxonomy_with_counts()
    {
        var facets = await host.GetJsonAsync("/api/facets");
        var ids = facets.EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Contains("malgrupp", ids);
        Assert.Contains("amne", ids);
        Assert.Contains("yrkesgrupp", ids);
        var amne = facets.EnumerateArray().First(f => f.GetProperty("id").GetString() == "amne");
        Assert.Contains(amne.GetProperty("values").EnumerateArray(), v => v.GetProperty("id").GetString() == "hedersrelaterat-vald" && v.GetProperty("count").GetInt32() >= 1);
    }

    [Fact]
    public async Task Analyze_shows_the_token_stream_with_offsets()
    {
        var analyzed = await host.GetJsonAsync("/api/analyze?text=" + Uri.EscapeDataString("Barnen på förskolan"));
        var tokens = analyzed.GetProperty("tokens").EnumerateArray().ToList();
        Assert.Contains(tokens, t => t.GetProperty("word").GetString() == "barnen" && t.GetProperty("start").GetInt32() == 0 && t.GetProperty("end").GetInt32() == 6);

        using var tooLong = await host.Client.GetAsync(new Uri("/api/analyze?text=" + new string('a', 1001), UriKind.Relative));
        Assert.Equal("urn:kunskapsbank:fel:for-lang-text", await Problem.AssertAsync(tooLong, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_route()
    {
        var document = await host.GetJsonAsync("/api/openapi/v1.json");
        var documented = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => (r.StartsWith("/api/", StringComparison.Ordinal) || r.StartsWith("/health/", StringComparison.Ordinal)) && !r.Contains("openapi", StringComparison.Ordinal))
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"\{(\w+):[^}]+\}", "{$1}"))
            .ToHashSet();

        Assert.Contains("/api/search", routes);
        Assert.Subset(documented, routes);
        var search = document.GetProperty("paths").GetProperty("/api/search").GetProperty("get");
        var parameters = search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("amne", parameters);
        Assert.Contains("pageSize", parameters);
    }
}

public class SearchJsonShapeTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task The_api_answers_with_the_same_json_as_the_cli()
    {
        using var response = await host.Client.GetAsync(new Uri("/api/search?q=v%C3%A5ld&amne=hedersrelaterat-vald&amne=vald-i-nara-relationer&pageSize=3", UriKind.Relative));
        var api = await response.Content.ReadAsStringAsync();

        var index = host.Services.GetRequiredService<Kunskapsbank.Api.Hosting.IndexHost>().Index!;
        var request = new Kunskapsbank.Indexer.Search.SearchRequest
        {
            Query = "våld",
            PageSize = 3,
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["amne"] = ["hedersrelaterat-vald", "vald-i-nara-relationer"] },
        };
        var cli = JsonSerializer.Serialize(index.Search.Search(request), Kunskapsbank.Indexer.Search.SearchJson.Options);

        Assert.Equal(cli, api);
    }
}
