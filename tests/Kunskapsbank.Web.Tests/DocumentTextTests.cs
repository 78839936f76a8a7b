using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

/// <summary>The document page shows the extracted text: headings as anchors, page markers, the linked passage highlighted.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DocumentTextTests(UiFixture ui)
{
    public static TheoryData<int, int> Sizes => new() { { 1280, 900 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task A_word_routine_is_readable_in_the_page_and_a_hit_link_jumps_to_its_passage(int width, int height)
    {
        await using var probed = await ui.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/?q=rutin%20hedersrelaterat").ToString());

        var hit = page.Locator(".traff", new() { Has = page.Locator(".stalle-kalla a[href*='#stycke-']") })
            .Filter(new() { HasNotText = "PDF" }).First;
        var link = hit.Locator(".stalle-kalla a[href*='#stycke-']").First;
        var href = (await link.GetAttributeAsync("href"))!;
        Assert.Matches(@"^/dokument/\d+\?q=[^#]+#stycke-\d+$", href);
        await link.ClickAsync();

        var target = page.Locator(".stycke:target");
        await Assertions.Expect(target).ToHaveCountAsync(1);
        await Assertions.Expect(target).ToBeInViewportAsync();
        Assert.Equal("rgb(255, 240, 168)", await target.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.EndsWith(href.Split('#')[1], page.Url, StringComparison.Ordinal);

        // Headings of the document are headings of the page, with anchors the table of contents links to.
        var headings = page.Locator(".dok-text .dok-rubrik[id^='avsnitt-']");
        Assert.True(await headings.CountAsync() >= 2, "Word-rutinens rubriker ska visas som rubriker.");
        var contents = page.Locator(".dok-innehall a").First;
        var anchor = (await contents.GetAttributeAsync("href"))!;
        Assert.StartsWith("#avsnitt-", anchor, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(anchor)).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".dok-original a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/api/documents/\d+/file$"));

        await probed.AssertNoHorizontalScrollAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task A_pdf_shows_its_text_page_by_page_with_markers_that_open_the_page_in_the_original()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/?q=hedersrelaterat").ToString());
        var pdfHit = page.Locator(".traff", new() { Has = page.Locator("a[href*='#page=']") }).First;
        await pdfHit.Locator(".traff-titel a").ClickAsync();

        var markers = page.Locator(".sidmarkor[id^='sida-']");
        Assert.True(await markers.CountAsync() >= 2, "En flersidig PDF ska visa sidmarkeringar.");
        await Assertions.Expect(markers.First).ToContainTextAsync("Sida 1");
        Assert.Matches(@"^/api/documents/\d+/file#page=1$", await markers.First.Locator("a").GetAttributeAsync("href"));
        Assert.True(await page.Locator(".dok-text .stycke").CountAsync() >= 2);

        // "Visa i texten" beside a matching passage jumps to it.
        await page.Locator(".dok-traffar a", new() { HasText = "Visa i texten" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".stycke:target")).ToBeInViewportAsync();
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task Markup_in_a_document_is_shown_as_text_in_the_document_page()
    {
        await using var probed = await ui.NewPageAsync();
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/?q=skriptexempel").ToString());
        await page.Locator(".traff-titel a").First.ClickAsync();

        await Assertions.Expect(page.Locator(".dok-text")).ToContainTextAsync("<script>document.title='hackad'</script>");
        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
        Assert.DoesNotContain("hackad", await page.TitleAsync(), StringComparison.Ordinal);
        await probed.AssertNoProblemsAsync();
    }
}
