using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

/// <summary>Issue 14's searcher points, each at desktop (1280×900) and phone (390×844) size.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RoughEdgeTests(UiFixture ui)
{
    public static TheoryData<int, int> Sizes => new() { { 1280, 900 }, { 390, 844 } };

    [Fact]
    public async Task On_a_phone_a_filtrera_button_above_the_hits_opens_the_filters_from_the_keyboard()
    {
        await using var probed = await ui.NewPageAsync(Phone());
        var page = probed.Page;
        await page.GotoAsync(Url("/?q=v%C3%A5ld"));

        var button = page.Locator("summary.filtrera-knapp");
        var firstHit = page.Locator(".traffar-lista .traff").First;
        await Assertions.Expect(button).ToBeVisibleAsync();
        Assert.True((await button.BoundingBoxAsync())!.Y < (await firstHit.BoundingBoxAsync())!.Y, "Filtrera ska stå ovanför träffarna.");
        await Assertions.Expect(page.Locator(".facett").First).ToBeHiddenAsync();

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var box = page.Locator(".facett input[name='amne']").First;
        await Assertions.Expect(box).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("details.filtrera")).ToHaveAttributeAsync("open", string.Empty);
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Ticking a filter updates the hits and keeps the panel open; "Visa träffarna" closes it.
        await page.Locator($"label[for='{await box.GetAttributeAsync("id")}']").ClickAsync();
        await Assertions.Expect(page.Locator(".chip")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("summary.filtrera-knapp")).ToContainTextAsync("(1 valda)");
        await Assertions.Expect(page.Locator(".facett").First).ToBeVisibleAsync();
        await page.Locator("[data-filter-close]").ClickAsync();
        await Assertions.Expect(page.Locator(".facett").First).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#traffar-rubrik")).ToBeFocusedAsync();
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task On_a_phone_without_javascript_the_filters_open_and_apply_with_a_form_submit()
    {
        await using var probed = await ui.NewPageAsync(Phone(javaScript: false));
        var page = probed.Page;
        await page.GotoAsync(Url("/?q=v%C3%A5ld"));

        await page.Locator("summary.filtrera-knapp").ClickAsync();
        var box = page.Locator(".facett input[name='amne']").First;
        var value = await box.GetAttributeAsync("value");
        await box.CheckAsync();
        await page.Locator(".filter button[type='submit']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("amne=" + System.Text.RegularExpressions.Regex.Escape(value!)));
        await Assertions.Expect(page.Locator(".chip")).ToHaveCountAsync(1);
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task On_a_desktop_the_filters_stand_open_beside_the_hits_without_a_button()
    {
        await using var probed = await ui.NewPageAsync(Desktop());
        var page = probed.Page;
        await page.GotoAsync(Url("/?q=v%C3%A5ld"));

        await Assertions.Expect(page.Locator("summary.filtrera-knapp")).ToBeHiddenAsync();
        var facet = page.Locator(".facett").First;
        await Assertions.Expect(facet).ToBeVisibleAsync();
        Assert.True((await facet.BoundingBoxAsync())!.X < (await page.Locator(".traffar-lista").BoundingBoxAsync())!.X);
        await probed.AssertNoProblemsAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task No_hits_is_said_once_in_the_main_column_with_next_steps_that_are_links(int width, int height)
    {
        await using var probed = await ui.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = probed.Page;
        await page.GotoAsync(Url("/?q=qwxzyvb%20blorfix"));

        // Once on screen; the live region (visually hidden, outside the results area) reads it to screen readers.
        Assert.Equal(1, await page.Locator("#resultatyta").GetByText("Inga träffar för").CountAsync());
        var heading = page.Locator("#traffar-rubrik");
        await Assertions.Expect(heading).ToHaveTextAsync("Inga träffar för ”qwxzyvb blorfix”.");
        var box = (await page.Locator(".traffar").BoundingBoxAsync())!;
        Assert.True(box.Width >= Math.Min(width - 40, 600), $"Beskedet är bara {box.Width} px brett.");
        await Assertions.Expect(page.Locator(".filter")).ToHaveCountAsync(0);
        await Axe.AssertNoSeriousViolationsAsync(page);

        // "Use fewer words" is a link per word that searches it alone.
        await page.Locator(".tomt a", new() { HasText = "blorfix" }).ClickAsync();
        await Assertions.Expect(heading).ToHaveTextAsync("Inga träffar för ”blorfix”.", new() { Timeout = 10_000 });
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task No_hits_with_filters_offers_a_link_that_removes_them()
    {
        await using var probed = await ui.NewPageAsync(Desktop());
        var page = probed.Page;
        await page.GotoAsync(Url("/?q=skriptexempel&amne=hedersrelaterat-vald"));

        await Assertions.Expect(page.Locator("#traffar-rubrik")).ToHaveTextAsync("Inga träffar för ”skriptexempel” med de valda filtren.");
        await page.Locator(".tomt a", new() { HasText = "ta bort filtren" }).ClickAsync();
        await Assertions.Expect(page.Locator(".traffar-lista .traff").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.DoesNotContain("amne=", page.Url, StringComparison.Ordinal);
        await probed.AssertNoProblemsAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task An_unknown_filter_value_is_a_400_page_with_the_reason_once_in_the_main_column(int width, int height)
    {
        await using var probed = await ui.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = probed.Page;
        var response = await page.GotoAsync(Url("/?q=v%C3%A5ld&amne=finns-inte"));
        Assert.Equal(400, response!.Status);

        await Assertions.Expect(page.Locator("#traffar-rubrik")).ToHaveTextAsync("Sökningen kunde inte göras.");
        await Assertions.Expect(page.Locator(".notis-fel")).ToHaveCountAsync(1);
        Assert.True((await page.Locator(".traffar").BoundingBoxAsync())!.Width >= Math.Min(width - 40, 600));
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.Locator(".tomt a", new() { HasText = "söka utan filtren" }).ClickAsync();
        await Assertions.Expect(page.Locator(".traffar-lista .traff").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task A_page_past_the_last_shows_the_last_page_and_says_so()
    {
        await using var probed = await ui.NewPageAsync(Desktop());
        var page = probed.Page;
        await page.GotoAsync(Url("/?q=v%C3%A5ld&sida=99999"));

        await Assertions.Expect(page.Locator(".notis", new() { HasText = "Sidan du bad om finns inte" })).ToContainTextAsync("Du ser den sista.");
        Assert.True(await page.Locator(".traffar-lista .traff").CountAsync() >= 1);
        Assert.DoesNotContain("Sida 1000", await page.ContentAsync(), StringComparison.Ordinal);
        await probed.AssertNoProblemsAsync();
    }

    [Theory]
    [InlineData("/?q=%00")]
    [InlineData("/?q=%01%1F%7F%C2%85%E2%80%AE")]
    [InlineData("/?q=%E2%80%AE%E2%81%A6%09%0A")]
    public async Task A_query_of_control_characters_is_the_empty_start_page(string path)
    {
        await using var probed = await ui.NewPageAsync(Desktop());
        var page = probed.Page;
        await page.GotoAsync(Url(path));

        await Assertions.Expect(page.Locator("#start-rubrik")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#q")).ToHaveValueAsync(string.Empty);
        Assert.DoesNotContain("träffar för", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task Control_characters_inside_a_query_are_removed_before_searching()
    {
        await using var probed = await ui.NewPageAsync(Desktop());
        var page = probed.Page;
        await page.GotoAsync(Url("/?q=%00v%C3%A5%01ld%E2%80%AE"));

        await Assertions.Expect(page.Locator("#traffar-rubrik")).ToContainTextAsync("träffar för ”våld”.");
        await Assertions.Expect(page.Locator("#q")).ToHaveValueAsync("våld");
        await probed.AssertNoProblemsAsync();
    }

    private string Url(string path) => new Uri(ui.BaseUrl, path).ToString();

    private static BrowserNewContextOptions Phone(bool javaScript = true) =>
        new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, JavaScriptEnabled = javaScript };

    private static BrowserNewContextOptions Desktop() => new() { ViewportSize = new() { Width = 1280, Height = 900 } };
}
