using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

/// <summary>What a hit says about itself: the document that replaces it (by title, as a link), and a hit on the title alone.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class HitMarkTests(UiFixture ui)
{
    private const string Superseded = "Kunskapsunderlag om hedersrelaterat våld och förtryck";
    private const string Replacement = "Vägledning om våld i nära relationer – stöd och skydd";

    public static TheoryData<int, int> Sizes => new() { { 1280, 900 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task A_superseded_hit_names_its_replacement_by_title_as_a_link_to_it(int width, int height)
    {
        await using var probed = await ui.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/?q=hedersrelaterat").ToString());

        var superseded = page.Locator(".traff", new() { HasText = Superseded });
        var status = superseded.Locator(".status-ersatt");
        await Assertions.Expect(status).ToHaveTextAsync($"Ersatt av {Replacement}");
        Assert.DoesNotContain(".pdf", await status.InnerTextAsync(), StringComparison.Ordinal);
        var current = page.Locator(".traff", new() { HasText = Replacement }).First;
        await Assertions.Expect(current.Locator(".status-gallande")).ToHaveTextAsync("Gällande");
        await Axe.AssertNoSeriousViolationsAsync(page);

        var link = status.Locator("a");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/dokument/\\d+$"));
        await link.ClickAsync();
        await Assertions.Expect(page.Locator("h1#dok-titel")).ToHaveTextAsync(Replacement);
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task The_document_page_and_the_support_line_link_the_replacement_too()
    {
        await using var probed = await ui.NewPageAsync(new() { ViewportSize = new() { Width = 420, Height = 900 } });
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/stodtelefon?q=hedersrelaterat").ToString());
        var hit = page.Locator(".traff", new() { HasText = Superseded });
        await Assertions.Expect(hit.Locator(".status-ersatt a")).ToHaveTextAsync(Replacement);

        await hit.Locator(".traff-titel a").ClickAsync();
        await Assertions.Expect(page.Locator("h1#dok-titel")).ToHaveTextAsync(Superseded);
        var status = page.Locator(".dokument .status-ersatt");
        await Assertions.Expect(status).ToHaveTextAsync($"Ersatt av {Replacement}");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await status.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("h1#dok-titel")).ToHaveTextAsync(Replacement);
        await probed.AssertNoProblemsAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task A_hit_on_the_title_alone_says_so_instead_of_an_empty_passage_area(int width, int height)
    {
        await using var probed = await ui.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = probed.Page;

        // "checklista" stands only in the title of the checklist, never in its text.
        await page.GotoAsync(new Uri(ui.BaseUrl, "/?q=checklista").ToString());
        var hit = page.Locator(".traff", new() { HasText = "Checklista för det första samtalet om våld" });
        await Assertions.Expect(hit.Locator(".bara-titel")).ToContainTextAsync("Träffen gäller titeln");
        await Assertions.Expect(hit.Locator(".stalle")).ToHaveCountAsync(0);
        await Assertions.Expect(hit.Locator(".bara-titel a")).ToHaveTextAsync("Läs dokumentet");

        // The guidance mentions a checklist in its text: that hit shows the passage, not the title note.
        var other = page.Locator(".traff", new() { HasText = Replacement });
        await Assertions.Expect(other.Locator(".bara-titel")).ToHaveCountAsync(0);
        await Assertions.Expect(other.Locator(".stalle mark").First).ToBeVisibleAsync();

        await Axe.AssertNoSeriousViolationsAsync(page);
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task The_support_line_says_a_hit_is_on_the_title_and_copies_only_the_source()
    {
        await using var probed = await ui.NewPageAsync(new()
        {
            ViewportSize = new() { Width = 400, Height = 800 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/stodtelefon?q=checklista").ToString());

        var hit = page.Locator(".traff", new() { HasText = "Checklista för det första samtalet om våld" });
        await Assertions.Expect(hit.Locator(".bara-titel")).ToHaveTextAsync("Träffen gäller titeln – inget enskilt stycke i texten innehåller sökorden.");
        await Assertions.Expect(hit.Locator("[data-expand]")).ToHaveCountAsync(0);
        await Assertions.Expect(hit).ToHaveAttributeAsync("data-kopiera", "Checklista för det första samtalet om våld, Kommunförbundet Exempellän 2019");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await probed.AssertNoProblemsAsync();
    }
}
