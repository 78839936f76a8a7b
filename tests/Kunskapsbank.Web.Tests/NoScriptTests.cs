using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

[Collection(BrowserTestGroup.Name)]
public sealed class NoScriptTests(UiFixture ui)
{
    [Fact]
    public async Task Without_javascript_the_form_searches_and_filters_with_full_page_loads()
    {
        await using var probed = await ui.NewPageAsync(new() { JavaScriptEnabled = false });
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/").ToString());

        await page.Locator("#q").FillAsync("våld");
        await page.Locator(".sokform button[type='submit']").ClickAsync();
        await page.WaitForURLAsync("**/?q=v%C3%A5ld");

        var hits = page.Locator(".traffar-lista .traff");
        Assert.True(await hits.CountAsync() >= 2);
        await Assertions.Expect(page.Locator("#traffar-rubrik")).ToContainTextAsync("träffar för ”våld”");

        // The filter button is only needed (and only shown) without JavaScript.
        var apply = page.Locator(".filter button[type='submit']");
        await Assertions.Expect(apply).ToBeVisibleAsync();
        var box = page.Locator(".facett input[name='amne']").First;
        var value = await box.GetAttributeAsync("value");
        await box.CheckAsync();
        await apply.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("amne=" + System.Text.RegularExpressions.Regex.Escape(value!)));

        await Assertions.Expect(page.Locator(".chip")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#q")).ToHaveValueAsync("våld");
        Assert.True(await hits.CountAsync() >= 1);
        await probed.AssertNoProblemsAsync();
    }
}
