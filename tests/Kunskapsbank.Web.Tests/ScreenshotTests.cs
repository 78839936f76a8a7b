using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

/// <summary>The README's screenshots: taken on every run into a temp folder, into docs/screenshots by scripts/screenshots.sh.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ScreenshotTests(UiFixture ui)
{
    [Fact]
    public async Task Screenshots_of_the_search_page_support_line_phone_filter_no_hit_page_gaps_and_document_text()
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);

        await ShootAsync("sok.png", 1280, 900, async page =>
        {
            await page.GotoAsync(Url("/"));
            await page.Locator("#q").PressSequentiallyAsync("våld", new() { Delay = 40 });
            await Assertions.Expect(page.Locator(".traffar-lista .traff").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await page.Locator("#q").BlurAsync();
        });

        await ShootAsync("stodtelefon.png", 420, 900, async page =>
        {
            await page.GotoAsync(Url("/stodtelefon"));
            await page.Keyboard.PressAsync("/");
            await page.Keyboard.TypeAsync("orosanmälan", new() { Delay = 40 });
            await Assertions.Expect(page.Locator(".traffar-lista .traff").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Enter");
        });

        await ShootAsync("filter-mobil.png", 390, 844, async page =>
        {
            await page.GotoAsync(Url("/?q=v%C3%A5ld"));
            await page.Locator("summary.filtrera-knapp").ClickAsync();
            await Assertions.Expect(page.Locator(".facett").First).ToBeVisibleAsync();
        });

        await ShootAsync("inga-traffar.png", 1280, 900, page => page.GotoAsync(Url("/?q=fladdermusgrotta%20blorfix")));

        // A few searches without answers, as people would make them, so the report has something to show.
        foreach (var (query, times) in new[] { ("digitalt våld", 5), ("skyddade personuppgifter", 4), ("fladdermusgrotta", 3) })
        {
            await ui.SearchAsPageLoadsAsync(query, times);
        }

        await ShootAsync("kunskapsluckor.png", 1280, 900, async page =>
        {
            // The counts are written off the request path; wait until the list shows them.
            for (var attempt = 0; attempt < 50; attempt++)
            {
                await page.GotoAsync(Url("/kunskapsluckor"));
                if (await page.Locator("#vanligast-rubrik ~ .tabell-ram tbody tr").CountAsync() >= 3)
                {
                    break;
                }

                await Task.Delay(200);
            }
        });

        await ShootAsync("dokument-mobil.png", 390, 844, async page =>
        {
            await page.GotoAsync(Url("/?q=orosanm%C3%A4lan"));
            await page.Locator(".stalle-kalla a[href*='#stycke-']").First.ClickAsync();
            await Assertions.Expect(page.Locator(".stycke:target")).ToBeInViewportAsync();
        });
    }

    private Task ShootAsync(string name, int width, int height, Func<IPage, Task> arrange) =>
        Screenshot.TakeAsync(ui, ui, name, width, height, arrange);

    private string Url(string path) => new Uri(ui.BaseUrl, path).ToString();
}
