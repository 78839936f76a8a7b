using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

[Collection(BrowserTestGroup.Name)]
public sealed class DocumentPageTests(UiFixture ui)
{
    [Fact]
    public async Task Document_page_shows_metadata_outline_matching_passages_and_the_original()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/?q=hedersrelaterat").ToString());
        var first = page.Locator(".traffar-lista .traff").First;
        var title = (await first.Locator(".traff-titel").InnerTextAsync()).Trim();

        await first.Locator(".traff-titel a").ClickAsync();

        await Assertions.Expect(page.Locator("h1#dok-titel")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator(".dok-fakta dl")).ToContainTextAsync("Fil");
        Assert.True(await page.Locator(".dok-innehall li").CountAsync() >= 1, "Dokumentet ska ha en innehållsförteckning.");
        await Assertions.Expect(page.Locator("#matchar-rubrik")).ToContainTextAsync("hedersrelaterat");
        Assert.True(await page.Locator(".dok-traffar .utdrag mark").CountAsync() >= 1, "Träffarna i dokumentet ska vara markerade.");

        var original = page.Locator(".dok-original a");
        var href = await original.GetAttributeAsync("href");
        Assert.Matches("^/api/documents/\\d+/file$", href);
        using var http = ui.CreateHttpClient();
        using var file = await http.GetAsync(new Uri(href!, UriKind.Relative));
        Assert.True(file.IsSuccessStatusCode, $"Originalet gick inte att hämta: {(int)file.StatusCode}");
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task Pdf_passages_link_to_their_page_in_the_original()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/?q=hedersrelaterat").ToString());

        var pageLinks = page.Locator(".stalle-kalla a[href*='#page=']");
        Assert.True(await pageLinks.CountAsync() >= 1, "Någon träff i en PDF ska länka till sin sida.");
        var href = await pageLinks.First.GetAttributeAsync("href");
        Assert.Matches("^/api/documents/\\d+/file#page=\\d+$", href);
        await Assertions.Expect(pageLinks.First).ToContainTextAsync("sidan");
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task An_unknown_document_gets_a_polite_404_page()
    {
        using var http = ui.CreateHttpClient();
        foreach (var path in new[] { "/dokument/987654321", "/dokument/inte-ett-id", "/dokument/-1" })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Dokumentet finns inte", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
