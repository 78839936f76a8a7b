using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

/// <summary>axe-core (Deque.AxeCore.Playwright) on the main pages: no serious or critical violations.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(UiFixture ui)
{
    public static TheoryData<string, int> Pages => new()
    {
        { "/", 1280 },
        { "/?q=v%C3%A5ld", 1280 },
        { "/?q=v%C3%A5ld", 375 },
        { "/?q=qwxzyvb", 1280 },
        { "/?q=qwxzyvb", 390 },
        { "/finns-inte", 1280 },
        { "/kunskapsluckor", 1280 },
        { "/kunskapsluckor", 390 },
        { "/stodtelefon?q=v%C3%A5ld", 400 },
        { "/stodtelefon", 400 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_serious_or_critical_axe_violations(string path, int width)
    {
        await using var probed = await ui.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        await probed.Page.GotoAsync(new Uri(ui.BaseUrl, path).ToString());
        await AssertNoSeriousViolationsAsync(probed.Page);
    }

    [Fact]
    public async Task Document_page_has_no_serious_or_critical_axe_violations()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/?q=v%C3%A5ld").ToString());
        await page.Locator(".traff-titel a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1#dok-titel")).ToBeVisibleAsync();
        Assert.Matches("/dokument/\\d+\\?q=", page.Url);
        await AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Support_line_with_an_expanded_passage_has_no_serious_or_critical_axe_violations()
    {
        await using var probed = await ui.NewPageAsync(new() { ViewportSize = new() { Width = 400, Height = 800 } });
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/stodtelefon?q=v%C3%A5ld").ToString());
        await page.Locator("#q").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#traff-1-helt")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page);
    }

    private static Task AssertNoSeriousViolationsAsync(IPage page) => Axe.AssertNoSeriousViolationsAsync(page);
}
