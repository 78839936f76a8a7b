using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

[Collection(BrowserTestGroup.Name)]
public sealed class LayoutTests(UiFixture ui)
{
    // 320 CSS px is WCAG's reflow width (1280 px at 400 %); 640 px is a desktop window at 200 % zoom.
    [Theory]
    [InlineData("/?q=v%C3%A5ld", 320)]
    [InlineData("/?q=v%C3%A5ld", 640)]
    [InlineData("/stodtelefon?q=v%C3%A5ld", 320)]
    public async Task Pages_reflow_without_horizontal_scrolling(string path, int width)
    {
        await using var probed = await ui.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 800 } });
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, path).ToString());
        await probed.AssertNoHorizontalScrollAsync();
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task The_skip_link_and_focus_outline_are_visible_from_the_keyboard()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/").ToString());
        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.hoppa");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        var outline = await skip.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.NotEqual("none", outline);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("innehall", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
