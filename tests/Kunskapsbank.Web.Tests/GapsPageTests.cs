using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

/// <summary>The knowledge-gaps page: searches without answers by week, a server-drawn chart with its table, printable.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class GapsPageTests(UiFixture ui)
{
    [Fact]
    public async Task Searches_people_made_without_hits_show_up_by_week_with_a_chart_and_a_table()
    {
        // Three page loads of the same search without hits (as a person without JavaScript, or following a link, makes them).
        await ui.SearchAsPageLoadsAsync("qxzvlucka", 3);

        await using var probed = await ui.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = probed.Page;
        var row = page.Locator("#vanligast-rubrik ~ .tabell-ram tbody tr", new() { HasTextRegex = QxzvPattern() });
        for (var attempt = 0; attempt < 50; attempt++)
        {
            // The counts are written off the request path; the page shows them a moment later.
            await page.GotoAsync(new Uri(ui.BaseUrl, "/kunskapsluckor").ToString());
            if (await row.CountAsync() > 0)
            {
                break;
            }

            await Task.Delay(200);
        }

        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#okar-rubrik ~ .tabell-ram tbody tr", new() { HasTextRegex = QxzvPattern() })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kunskapsluckor");

        // The chart is an SVG image with a text alternative, and the same figures stand in a table beside it.
        var chart = page.Locator("figure.trend-diagram svg[role='img']");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.Equal(12, await chart.Locator("rect.stapel").CountAsync());
        Assert.Equal(12, await page.Locator(".trend-tabell tbody tr").CountAsync());
        var lastWeek = page.Locator(".trend-tabell tbody tr").Last.Locator("td.tal");
        Assert.True(int.Parse(await lastWeek.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 3);
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Other periods are links; printing hides the site's chrome and keeps the report.
        await page.Locator(".rapport-val a", new() { HasText = "4 veckor" }).ClickAsync();
        Assert.Equal(4, await page.Locator(".trend-tabell tbody tr").CountAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".sidhuvud")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".rapport-val")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".trend-tabell")).ToBeVisibleAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.True(pdf.Length > 5_000, "Sidan ska gå att skriva ut.");
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task The_gaps_page_reads_well_on_a_phone_and_is_linked_from_every_page()
    {
        // Filled tables are the widest part of the page.
        await ui.SearchAsPageLoadsAsync("zqtelefonluckan med ett ganska långt ordbildningsexempel", 3);
        await using var probed = await ui.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/").ToString());
        await page.Locator(".sidfot a", new() { HasText = "Kunskapsluckor" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kunskapsluckor");
        for (var attempt = 0; attempt < 50 && await page.Locator("#vanligast-rubrik ~ .tabell-ram tbody tr").CountAsync() == 0; attempt++)
        {
            await Task.Delay(200);
            await page.ReloadAsync();
        }

        await probed.AssertNoHorizontalScrollAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await probed.AssertNoProblemsAsync();
    }

    [GeneratedRegex("^qxzv")]
    private static partial Regex QxzvPattern();
}
