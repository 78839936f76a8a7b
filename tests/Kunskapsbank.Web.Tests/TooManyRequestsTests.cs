using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

/// <summary>When the rate limit is reached: a polite Swedish message that keeps the last results, or a Swedish page.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TooManyRequestsTests(UiFixture ui, RateLimitedUiServer limited) : IClassFixture<RateLimitedUiServer>
{
    // One test: the server's budget is shared by everything that talks to it, so the steps must run in this order.
    [Fact]
    public async Task A_429_keeps_the_last_results_with_a_polite_message_and_is_a_swedish_page_without_javascript()
    {
        await using (var probed = await ui.NewPageAsync(limited, new() { ViewportSize = new() { Width = 1280, Height = 900 } }))
        {
            var page = probed.Page;
            await page.GotoAsync(new Uri(limited.BaseUrl, "/?q=v%C3%A5ld").ToString());
            var heading = page.Locator("#traffar-rubrik");
            await Assertions.Expect(heading).ToContainTextAsync("”våld”");

            // Search again (each submit is one search; typing may add one) until the budget runs out.
            var message = page.Locator("#sokmeddelande .notis");
            var shown = await heading.InnerTextAsync();
            for (var i = 0; i < 10 && await message.CountAsync() == 0; i++)
            {
                shown = await heading.InnerTextAsync();
                var query = i % 2 == 0 ? "orosanmälan" : "våld";
                await page.Locator("#q").FillAsync(query);
                await page.Locator("#q").PressAsync("Enter");
                await page.WaitForFunctionAsync(
                    "q => document.querySelector('#sokmeddelande .notis') || document.getElementById('traffar-rubrik').textContent.includes('”' + q + '”')",
                    query);
            }

            await Assertions.Expect(message).ToContainTextAsync("många sökningar", new() { Timeout = 10_000 });
            await Assertions.Expect(message).ToContainTextAsync("träffarna nedan gäller din förra sökning");
            await Assertions.Expect(heading).ToHaveTextAsync(shown);
            Assert.True(await page.Locator(".traffar-lista .traff").CountAsync() >= 1, "De förra träffarna ska stå kvar.");
            await Axe.AssertNoSeriousViolationsAsync(page);
        }

        // A full page load gets the Swedish page, without JavaScript as with it; axe needs JavaScript to run.
        foreach (var (width, javaScript) in new[] { (1280, false), (390, false), (1280, true), (390, true) })
        {
            await using var probed = await ui.NewPageAsync(limited, new() { ViewportSize = new() { Width = width, Height = 844 }, JavaScriptEnabled = javaScript });
            var page = probed.Page;
            var response = await page.GotoAsync(new Uri(limited.BaseUrl, "/?q=barn").ToString());
            Assert.Equal(429, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Många sökningar just nu");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ingenting har gått förlorat");
            await Assertions.Expect(page.Locator("a", new() { HasText = "Försök igen" })).ToHaveAttributeAsync("href", "/?q=barn");
            if (javaScript)
            {
                await Axe.AssertNoSeriousViolationsAsync(page);
            }
        }
    }
}
