using System.Net;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Kunskapsbank.Web.Tests;

[Collection(BrowserTestGroup.Name)]
public sealed class PageWeightTests(UiFixture ui, ITestOutputHelper output)
{
    private const int Budget = 100 * 1024;

    [Theory]
    [InlineData("/?q=v%C3%A5ld")]
    [InlineData("/stodtelefon?q=v%C3%A5ld")]
    public async Task A_page_with_results_weighs_under_100_KB_and_loads_nothing_from_elsewhere(string path)
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        var responses = new System.Collections.Concurrent.ConcurrentQueue<IResponse>();
        page.Response += (_, r) => responses.Enqueue(r);

        await page.GotoAsync(new Uri(ui.BaseUrl, path).ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });

        var total = 0;
        var loaded = responses.ToArray();
        foreach (var response in loaded)
        {
            Assert.StartsWith(ui.BaseUrl.ToString(), response.Url, StringComparison.Ordinal);
            total += (await response.BodyAsync()).Length;
        }

        output.WriteLine($"{path}: {loaded.Length} svar, {total} byte ({total / 1024.0:F1} KB) HTML+CSS+JS+ikon");
        Assert.True(total < Budget, $"{path} väger {total} byte; gränsen är {Budget}.");
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task Assets_are_served_in_production_with_a_content_hash_and_long_caching()
    {
        using var http = ui.CreateHttpClient();
        var html = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        var urls = System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"(/static/[^\"]+\\?v=[0-9a-f]{12})\"")
            .Select(m => m.Groups[1].Value)
            .ToList();
        Assert.Equal(3, urls.Count);
        foreach (var url in urls)
        {
            using var response = await http.GetAsync(new Uri(WebUtility.HtmlDecode(url), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            Assert.NotNull(response.Headers.ETag);
        }

        using var missing = await http.GetAsync(new Uri("/static/js/finns-inte.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Pages_forbid_inline_script_and_style_in_their_content_security_policy()
    {
        using var http = ui.CreateHttpClient();
        foreach (var path in new[] { "/", "/stodtelefon", "/?q=v%C3%A5ld" })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
            Assert.DoesNotMatch("\\sstyle=|\\son[a-z]+=", html);
            Assert.Contains("<html lang=\"sv\"", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/?q=%22%22%22((((")]
    [InlineData("/?q=v%C3%A5ld&amne=finns-inte")]
    [InlineData("/?q=v%C3%A5ld&ar=%3Cb%3E&sida=-5")]
    [InlineData("/?q=v%C3%A5ld&sida=999999999999")]
    [InlineData("/stodtelefon?q=*&fragment=1")]
    [InlineData("/forslag?q=%00%01")]
    [InlineData("/dokument/1?q=%22%22%22((((")]
    public async Task Hostile_input_never_causes_a_server_error(string path)
    {
        using var http = ui.CreateHttpClient();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True((int)response.StatusCode < 500, $"{path} gav {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_query_is_cut_not_rejected()
    {
        using var http = ui.CreateHttpClient();
        var longQuery = string.Concat(Enumerable.Repeat("våld ", 2000));
        using var response = await http.GetAsync(new Uri("/?q=" + Uri.EscapeDataString(longQuery), UriKind.Relative));
        Assert.True((int)response.StatusCode < 500);
    }
}
