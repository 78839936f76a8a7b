using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

[Collection(BrowserTestGroup.Name)]
public sealed class SupportLineTests(UiFixture ui)
{
    [Fact]
    public async Task Keyboard_alone_finds_expands_copies_and_clears_an_answer()
    {
        await using var probed = await ui.NewPageAsync(new()
        {
            ViewportSize = new() { Width = 400, Height = 800 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/stodtelefon").ToString());
        var keyboard = page.Keyboard;

        await keyboard.PressAsync("/");
        Assert.Equal("q", await ActiveIdAsync(page));
        await keyboard.TypeAsync("våld", new() { Delay = 40 });
        var hits = page.Locator(".traffar-lista .traff");
        await Assertions.Expect(hits.Nth(1)).ToBeVisibleAsync(new() { Timeout = 10_000 });

        // The answering paragraph is on screen before anything is opened.
        await Assertions.Expect(hits.First.Locator(".svar")).ToBeVisibleAsync();

        await keyboard.PressAsync("ArrowDown");
        Assert.Equal("traff-1", await ActiveIdAsync(page));
        await keyboard.PressAsync("ArrowDown");
        Assert.Equal("traff-2", await ActiveIdAsync(page));
        await keyboard.PressAsync("ArrowUp");
        Assert.Equal("traff-1", await ActiveIdAsync(page));

        await keyboard.PressAsync("Enter");
        var whole = page.Locator("#traff-1-helt");
        await Assertions.Expect(whole).ToBeVisibleAsync();
        Assert.False(string.IsNullOrWhiteSpace(await whole.InnerTextAsync()));
        await Assertions.Expect(hits.First.Locator("[data-expand]")).ToHaveAttributeAsync("aria-expanded", "true");

        var title = (await hits.First.Locator(".traff-titel").InnerTextAsync()).Trim();
        await keyboard.PressAsync("c");
        await Assertions.Expect(page.Locator("#kopiestatus")).ToContainTextAsync("kopierat");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Contains($" — {title}", copied, StringComparison.Ordinal);
        Assert.StartsWith((await whole.InnerTextAsync()).Trim()[..20], copied, StringComparison.Ordinal);

        await keyboard.PressAsync("l");
        await Assertions.Expect(page.Locator("#kopiestatus")).ToContainTextAsync("Länken är kopierad");
        var link = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.StartsWith(ui.BaseUrl.ToString(), link, StringComparison.Ordinal);
        Assert.Matches("/api/documents/\\d+/file#page=\\d+$|/dokument/\\d+", link);

        await keyboard.PressAsync("Escape");
        await Assertions.Expect(whole).ToBeHiddenAsync();
        Assert.Equal("traff-1", await ActiveIdAsync(page));

        await keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#q")).ToHaveValueAsync(string.Empty);
        Assert.Equal("q", await ActiveIdAsync(page));
        await Assertions.Expect(hits).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task Tab_leaves_the_results_so_the_keyboard_is_never_trapped()
    {
        await using var probed = await ui.NewPageAsync(new() { ViewportSize = new() { Width = 400, Height = 800 } });
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/stodtelefon?q=v%C3%A5ld").ToString());
        await page.Locator("#q").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("traff-1", await ActiveIdAsync(page));

        var seen = new HashSet<string>();
        for (var i = 0; i < 200; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var where = await page.EvaluateAsync<string>(
                "() => document.activeElement === document.body ? 'body' : document.activeElement.closest('footer, .sidor') ? 'ut' : 'inne'");
            if (where is "body" or "ut")
            {
                seen.Add(where);
                break;
            }
        }

        Assert.NotEmpty(seen);
        await probed.AssertNoProblemsAsync();
    }

    private static Task<string> ActiveIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.id");
}
