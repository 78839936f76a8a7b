using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

[Collection(BrowserTestGroup.Name)]
public sealed partial class SearchPageTests(UiFixture ui)
{
    private static readonly LocatorAssertionsToHaveCountOptions Patient = new() { Timeout = 10_000 };

    [Fact]
    public async Task Typing_a_query_shows_results_and_facet_counts_without_reloading_the_page()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/").ToString());
        await page.EvaluateAsync("() => { window.__samePage = true; }");

        await page.Locator("#q").PressSequentiallyAsync("våld", new() { Delay = 40 });

        var hits = page.Locator(".traffar-lista .traff");
        await Assertions.Expect(hits.First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.True(await hits.CountAsync() >= 2, "Sökningen på våld ska ge flera träffar i testkorpusen.");
        await Assertions.Expect(page.Locator(".utdrag mark").First).ToBeVisibleAsync();

        var counts = await page.Locator(".facett .antal").AllInnerTextsAsync();
        Assert.NotEmpty(counts);
        Assert.All(counts, c => Assert.Matches(CountPattern(), c));
        var legends = await page.Locator(".facett legend").AllInnerTextsAsync();
        Assert.Contains("Ämne", legends);

        Assert.Contains("q=v%C3%A5ld", page.Url, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "Sidan laddades om.");
        await Assertions.Expect(page.Locator("#sokstatus")).ToContainTextAsync("träffar för ”våld”");
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task Selecting_a_facet_filters_the_results_shows_a_chip_and_updates_the_url()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/?q=v%C3%A5ld").ToString());

        var box = page.Locator(".facett input[name='amne']").First;
        var value = await box.GetAttributeAsync("value");
        var label = page.Locator($"label[for='{await box.GetAttributeAsync("id")}']");
        var expected = int.Parse(CountPattern().Match(await label.InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        await label.ClickAsync();

        await Assertions.Expect(page.Locator(".chip")).ToHaveCountAsync(1, Patient);
        Assert.Contains($"amne={value}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".traffar-lista .traff")).ToHaveCountAsync(Math.Min(expected, 10), Patient);
        await Assertions.Expect(page.Locator($".facett input[value='{value}']")).ToBeCheckedAsync();

        await page.Locator(".chip").ClickAsync();
        await Assertions.Expect(page.Locator(".chip")).ToHaveCountAsync(0, Patient);
        Assert.DoesNotContain("amne=", page.Url, StringComparison.Ordinal);
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task Back_button_restores_the_previous_search()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/").ToString());
        var status = page.Locator("#traffar-rubrik");

        await page.Locator("#q").FillAsync("våld");
        await Assertions.Expect(status).ToContainTextAsync("”våld”", new() { Timeout = 10_000 });
        await page.Locator("#q").PressAsync("Enter");
        await page.Locator("#q").FillAsync("orosanmälan");
        await Assertions.Expect(status).ToContainTextAsync("”orosanmälan”", new() { Timeout = 10_000 });

        await page.GoBackAsync();

        await Assertions.Expect(status).ToContainTextAsync("”våld”", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#q")).ToHaveValueAsync("våld");
        Assert.EndsWith("/?q=v%C3%A5ld", page.Url, StringComparison.Ordinal);
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task Typeahead_offers_suggestions_as_an_aria_combobox()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/").ToString());
        var input = page.Locator("#q");

        await input.PressSequentiallyAsync("orosa", new() { Delay = 40 });

        var options = page.Locator("#forslag [role='option']");
        await Assertions.Expect(options.First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "true");
        await input.PressAsync("ArrowDown");
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-activedescendant", "forslag-0");
        await Assertions.Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await input.PressAsync("Escape");
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "false");
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task Escape_closes_the_suggestions_for_good_even_when_an_answer_is_still_on_its_way()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The answer for "orosan" is held back until the list has been closed, as a slow server would.
        await page.RouteAsync(
            url => url.Contains("/forslag?q=orosan", StringComparison.Ordinal),
            async route =>
            {
                held.TrySetResult();
                await release.Task;
                try
                {
                    await route.ContinueAsync();
                }
                catch (PlaywrightException)
                {
                    // The page aborted the request, which is what the fix does.
                }
            });
        try
        {
            await page.GotoAsync(new Uri(ui.BaseUrl, "/").ToString());
            var input = page.Locator("#q");
            await input.PressSequentiallyAsync("orosa", new() { Delay = 40 });
            await Assertions.Expect(page.Locator("#forslag [role='option']").First).ToBeVisibleAsync(new() { Timeout = 10_000 });

            await input.PressAsync("n");
            await held.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await input.PressAsync("Escape");
            await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "false");

            release.TrySetResult();
            await page.WaitForTimeoutAsync(500);
            await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "false", new() { Timeout = 100 });
            await Assertions.Expect(page.Locator("#forslag")).ToBeHiddenAsync(new() { Timeout = 100 });

            // Typing again asks anew and opens the list.
            await input.PressAsync("m");
            await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "true", new() { Timeout = 10_000 });
            await probed.AssertNoProblemsAsync();
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task A_query_without_hits_explains_what_to_try()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/?q=qwxzyvb").ToString());

        await Assertions.Expect(page.Locator("#traffar-rubrik")).ToHaveTextAsync("Inga träffar för ”qwxzyvb”.");
        await Assertions.Expect(page.Locator(".tomt")).ToContainTextAsync("kontrollera stavningen");
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task Text_from_a_document_that_contains_markup_is_shown_as_text()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/?q=skriptexempel").ToString());

        var snippets = page.Locator(".traffar-lista .utdrag");
        await Assertions.Expect(snippets.First).ToBeVisibleAsync();
        var html = await page.Locator(".traffar-lista").InnerHTMLAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await page.Locator(".traffar-lista script, .traffar-lista img").CountAsync());
        Assert.DoesNotContain("hackad", await page.TitleAsync(), StringComparison.Ordinal);

        await page.GotoAsync(new Uri(ui.BaseUrl, "/stodtelefon?q=skriptexempel").ToString());
        var whole = await page.Locator("#traff-1-helt").TextContentAsync();
        Assert.Contains("<script>document.title='hackad'</script>", whole, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".traffar-lista script, .traffar-lista img").CountAsync());

        await page.Locator(".traff-titel a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Testdokument med kod");
        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
        Assert.DoesNotContain("hackad", await page.TitleAsync(), StringComparison.Ordinal);
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task A_misspelled_query_shows_hits_for_the_correction_and_says_so()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/?q=oroasnm%C3%A4lan").ToString());

        await Assertions.Expect(page.Locator(".notis").First)
            .ToContainTextAsync("Visar träffar för ”orosanmälan”. Sök i stället efter oroasnmälan.");
        Assert.True(await page.Locator(".traffar-lista .traff").CountAsync() >= 1);
        await Assertions.Expect(page.Locator("#sokstatus")).ToContainTextAsync("för ”orosanmälan”");

        // The words as typed, on request: no correction, so the index has nothing for them.
        await page.Locator(".notis a", new() { HasText = "oroasnmälan" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("exakt=1"));
        await Assertions.Expect(page.Locator("#sokstatus")).ToContainTextAsync("Inga träffar för ”oroasnmälan”");
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task When_no_document_has_every_word_the_best_partial_matches_are_announced()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/?q=v%C3%A5ld%20xyzzy").ToString());

        await Assertions.Expect(page.Locator(".notis"))
            .ToContainTextAsync("Inga dokument innehöll alla orden – visar de bästa delträffarna.");
        Assert.True(await page.Locator(".traffar-lista .traff").CountAsync() >= 1);
        await probed.AssertNoProblemsAsync();
    }

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex CountPattern();
}
