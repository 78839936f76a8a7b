using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

/// <summary>Dokumentmappen: editors see every file's state, why a file failed and what to do, tags and why, and what
/// changed – updated while the page is open, and as a plain page without JavaScript.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class DocumentFolderTests(UiFixture ui, FolderUiServer folder) : IClassFixture<FolderUiServer>
{
    private static readonly LocatorAssertionsToHaveCountOptions Patient = new() { Timeout = 20_000 };

    public static TheoryData<int, int> Sizes => new() { { 1280, 900 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Failed_files_come_first_with_the_reason_and_what_to_do_about_it(int width, int height)
    {
        await using var probed = await ui.NewPageAsync(folder, new() { ViewportSize = new() { Width = width, Height = height } });
        var page = probed.Page;
        await page.GotoAsync(Url("/dokumentmappen"));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dokumentmappen");
        var states = await page.Locator(".filer > .fil .tillstand").AllInnerTextsAsync();
        var failed = states.TakeWhile(s => s == "Misslyckades").Count();
        Assert.True(failed >= FolderUiServer.BrokenFiles, "De misslyckade filerna ska stå först: " + string.Join(", ", states));
        Assert.DoesNotContain("Misslyckades", states.Skip(failed));

        var encrypted = Row(page, "encrypted-user-password-hemligt.pdf");
        await Assertions.Expect(encrypted.Locator(".fil-fel")).ToContainTextAsync("Lösenordsskyddad.");
        await Assertions.Expect(encrypted.Locator(".fil-fel")).ToContainTextAsync("Gör så här: Spara filen utan lösenord");
        await Assertions.Expect(encrypted.Locator(".fil-mapp")).ToHaveTextAsync("i gamla/");
        await Assertions.Expect(Row(page, "truncated-zip.docx").Locator(".fil-fel")).ToContainTextAsync("hämta en ny kopia från källan");
        await Assertions.Expect(Row(page, "zero-bytes.pdf").Locator(".fil-fel")).ToContainTextAsync("Filen är tom");
        await Assertions.Expect(Row(page, "checklista-forsta-samtalet.md").Locator(".tillstand")).ToHaveTextAsync("Sökbar");
        await Assertions.Expect(page.Locator(".mapp-summering")).ToContainTextAsync("misslyckades");
        await Assertions.Expect(page.Locator(".mapp-val a", new() { HasText = "Misslyckades" })).ToHaveTextAsync(CountPattern());

        await probed.AssertNoHorizontalScrollAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await probed.AssertNoProblemsAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Each_tag_says_where_it_came_from_and_why_and_a_sidecar_mistake_is_shown(int width, int height)
    {
        await using var probed = await ui.NewPageAsync(folder, new() { ViewportSize = new() { Width = width, Height = height } });
        var page = probed.Page;
        await page.GotoAsync(Url("/dokumentmappen?namn=skyddsplanering"));

        var row = Row(page, "rutin-skyddsplanering-2016.md");
        await Assertions.Expect(row.Locator(".tillstand")).ToHaveTextAsync("Sökbar");
        await Assertions.Expect(row.Locator(".fil-mapp")).ToHaveTextAsync("i rutiner/");
        await Assertions.Expect(row.Locator(".fil-obs")).ToContainTextAsync("okänt värde 'skyddsplanering-som-inte-finns' för ämne");

        var tags = row.Locator("details.taggar");
        await Assertions.Expect(tags.Locator("summary")).ToHaveTextAsync(TagCountPattern());
        await tags.Locator("summary").ClickAsync();
        var year = tags.Locator("li").Filter(new() { Has = page.Locator(".tagg", new() { HasTextString = "År: 2016" }) });
        await Assertions.Expect(year.Locator(".tagg-kalla")).ToHaveTextAsync("från sidofilen");
        await Assertions.Expect(year.Locator(".tagg-skal")).ToHaveTextAsync("Året kommer från sidofilen rutin-skyddsplanering-2016.md.meta.yml.");
        await probed.AssertNoHorizontalScrollAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        // The document's replacement is not in the folder: its status names it as the sidecar does, without a link.
        await row.Locator(".fil-dokument a").ClickAsync();
        await Assertions.Expect(page.Locator("h1#dok-titel")).ToHaveTextAsync("Rutin för skyddsplanering 2016");
        var status = page.Locator(".dokument .status-ersatt");
        await Assertions.Expect(status).ToHaveTextAsync("Ersatt av rutiner/rutin-skyddsplanering-2021.pdf");
        await Assertions.Expect(status.Locator("a")).ToHaveCountAsync(0);
        await probed.AssertNoProblemsAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Without_javascript_the_filters_are_links_and_the_name_search_a_form(int width, int height)
    {
        await using var probed = await ui.NewPageAsync(folder, new() { ViewportSize = new() { Width = width, Height = height }, JavaScriptEnabled = false });
        var page = probed.Page;
        await page.GotoAsync(Url("/dokumentmappen"));
        await Assertions.Expect(page.Locator(".uppdatering.utan-js")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".uppdatering.med-js")).ToBeHiddenAsync();

        await page.Locator(".mapp-val a", new() { HasText = "Misslyckades" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/dokumentmappen\?visa=misslyckade$"));
        await Assertions.Expect(page.Locator("#filer-rubrik")).ToContainTextAsync("Filer som inte kunde läsas");
        Assert.All(await page.Locator(".filer > .fil .tillstand").AllInnerTextsAsync(), s => Assert.Equal("Misslyckades", s));

        await page.Locator("#namn").FillAsync("hemligt");
        await page.Locator("#mappsok button[type='submit']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/dokumentmappen\?visa=misslyckade&namn=hemligt$"));
        await Assertions.Expect(page.Locator(".filer > .fil")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#filer-rubrik")).ToHaveTextAsync("Filer som inte kunde läsas med ”hemligt” i namnet (1)");
        await probed.AssertNoHorizontalScrollAsync();
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task With_javascript_the_name_search_filters_as_you_type_without_reloading()
    {
        await using var probed = await ui.NewPageAsync(folder, new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = probed.Page;
        await page.GotoAsync(Url("/dokumentmappen"));
        await page.EvaluateAsync("() => { window.__samePage = true; }");

        await page.Locator("#namn").PressSequentiallyAsync("zip", new() { Delay = 40 });
        await Assertions.Expect(page.Locator(".filer > .fil")).ToHaveCountAsync(1, Patient);
        await Assertions.Expect(Row(page, "truncated-zip.docx")).ToBeVisibleAsync();
        Assert.EndsWith("/dokumentmappen?namn=zip", page.Url, StringComparison.Ordinal);

        await page.Locator(".mapp-val a", new() { HasText = "Sökbara" }).ClickAsync();
        await Assertions.Expect(page.Locator("#filer-rubrik")).ToHaveTextAsync("Sökbara filer med ”zip” i namnet (0)");
        await Assertions.Expect(page.Locator(".mapp-filer .tomt")).ToHaveTextAsync("Inga filer med ”zip” i namnet här.");
        await Assertions.Expect(page.Locator("#filer-rubrik")).ToBeFocusedAsync();
        Assert.EndsWith("/dokumentmappen?visa=sokbara&namn=zip", page.Url, StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GoBackAsync();
        await Assertions.Expect(page.Locator(".filer > .fil")).ToHaveCountAsync(1, Patient);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "Sidan laddades om.");
        await probed.AssertNoProblemsAsync();
    }

    [Fact]
    public async Task The_open_page_shows_a_dropped_file_being_read_then_searchable_or_failed_and_says_so()
    {
        var growing = Path.Combine(folder.CorpusPath, "ny-rutin-under-arbete.md");
        var broken = Path.Combine(folder.CorpusPath, "trasig-kopia.pdf");
        await using var probed = await ui.NewPageAsync(folder, new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = probed.Page;
        try
        {
            await page.GotoAsync(Url("/dokumentmappen"));
            await page.EvaluateAsync("() => { window.__samePage = true; }");

            // A tag list left open, with the focus on it, must survive the page updating itself.
            var tagged = Row(page, "checklista-forsta-samtalet.md").Locator("details.taggar");
            await tagged.Locator("summary").ClickAsync();
            await Assertions.Expect(tagged).ToHaveAttributeAsync("open", string.Empty);

            // A file still being written is "Läses" until it settles.
            await using (var writer = new StreamWriter(growing, append: false))
            {
                await writer.WriteLineAsync("# Ny rutin under arbete\n\nEn rutin som skrivs medan dokumentmappen är öppen.");
                var reading = Row(page, "ny-rutin-under-arbete.md").Locator(".tillstand", new() { HasText = "Läses" });
                for (var i = 0; i < 300 && await reading.CountAsync() == 0; i++)
                {
                    await writer.WriteLineAsync($"Rad {i} av texten om skyddsbedömning.");
                    await writer.FlushAsync();
                    await Task.Delay(100);
                }

                await Assertions.Expect(reading).ToBeVisibleAsync();
            }

            await Assertions.Expect(Row(page, "ny-rutin-under-arbete.md").Locator(".tillstand")).ToHaveTextAsync("Sökbar", new() { Timeout = 20_000 });
            // On a busy machine the watcher may index a version written before the last line, then the whole file again.
            await Assertions.Expect(page.Locator("#mappstatus")).ToHaveTextAsync(AddedOrChangedPattern(), new() { Timeout = 10_000 });

            File.Copy(FolderUiServer.Dropped("truncated-no-xref-no-trailer.pdf"), broken);
            var failed = Row(page, "trasig-kopia.pdf");
            await Assertions.Expect(failed.Locator(".tillstand")).ToHaveTextAsync("Misslyckades", new() { Timeout = 20_000 });
            await Assertions.Expect(failed.Locator(".fil-fel")).ToContainTextAsync("Gör så här:");
            await Assertions.Expect(page.Locator("#mappstatus")).ToContainTextAsync("trasig-kopia.pdf kunde inte indexeras", new() { Timeout = 10_000 });
            var newest = page.Locator(".andringar li").First;
            await Assertions.Expect(newest.Locator(".andring")).ToHaveTextAsync("Misslyckades");
            await Assertions.Expect(newest).ToContainTextAsync("trasig-kopia.pdf");
            Assert.Equal("Misslyckades", await page.Locator(".filer > .fil .tillstand").First.InnerTextAsync());

            await Assertions.Expect(tagged).ToHaveAttributeAsync("open", string.Empty);
            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.matches('details.taggar > summary')"), "Fokus ska stå kvar på taggarna.");
            await Axe.AssertNoSeriousViolationsAsync(page);

            File.Delete(broken);
            await Assertions.Expect(Row(page, "trasig-kopia.pdf")).ToHaveCountAsync(0, Patient);
            await Assertions.Expect(page.Locator(".andringar li", new() { HasText = "trasig-kopia.pdf" }).First.Locator(".andring")).ToHaveTextAsync("Borttagen");
            Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "Sidan laddades om.");
            await probed.AssertNoProblemsAsync();
        }
        finally
        {
            File.Delete(growing);
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task The_status_poll_is_small_json_whose_version_changes_only_with_the_folder()
    {
        using var http = folder.CreateHttpClient();
        var first = await http.GetFromJsonAsync<JsonElement>(new Uri("/dokumentmappen/lage", UriKind.Relative));
        var again = await http.GetFromJsonAsync<JsonElement>(new Uri("/dokumentmappen/lage?sedan=" + Uri.EscapeDataString(first.GetProperty("newest").GetString()!), UriKind.Relative));

        Assert.Equal(first.GetProperty("version").GetString(), again.GetProperty("version").GetString());
        Assert.True(first.GetProperty("failed").GetInt32() >= FolderUiServer.BrokenFiles);
        Assert.Equal(first.GetProperty("files").GetInt32(), first.GetProperty("searchable").GetInt32() + first.GetProperty("reading").GetInt32() + first.GetProperty("failed").GetInt32());
        Assert.Equal(0, again.GetProperty("changes").GetArrayLength());
        Assert.Matches("^\\d+ filer: ", first.GetProperty("summary").GetString()!);

        var added = Path.Combine(folder.CorpusPath, "statusfragan.md");
        try
        {
            await File.WriteAllTextAsync(added, "# Statusfrågan\n\nEn liten fil som läggs till medan tjänsten kör.");
            JsonElement after = default;
            JsonElement? change = null;
            for (var i = 0; i < 200 && change is null; i++)
            {
                after = await http.GetFromJsonAsync<JsonElement>(new Uri("/dokumentmappen/lage?sedan=" + Uri.EscapeDataString(first.GetProperty("newest").GetString()!), UriKind.Relative));
                change = after.GetProperty("changes").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(c => c!.Value.GetProperty("path").GetString() == "statusfragan.md");
                await Task.Delay(change is null ? 100 : 0);
            }

            Assert.NotNull(change);
            Assert.NotEqual(first.GetProperty("version").GetString(), after.GetProperty("version").GetString());
            Assert.Equal("tillagd", change.Value.GetProperty("kind").GetString());
            Assert.Equal("statusfragan.md är tillagd och sökbar.", change.Value.GetProperty("text").GetString());
        }
        finally
        {
            File.Delete(added);
        }
    }

    [Fact]
    public async Task Editors_find_the_page_in_the_footer_of_every_page()
    {
        await using var probed = await ui.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = probed.Page;
        await page.GotoAsync(new Uri(ui.BaseUrl, "/?q=v%C3%A5ld").ToString());
        await page.Locator(".sidfot a", new() { HasText = "Dokumentmappen" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dokumentmappen");
        await Assertions.Expect(page.Locator(".sidfot a", new() { HasText = "Dokumentmappen" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.Locator(".mapp-summering")).ToContainTextAsync("0 misslyckades");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await probed.AssertNoProblemsAsync();
    }

    private static ILocator Row(IPage page, string fileName) =>
        page.Locator(".filer > .fil").Filter(new() { Has = page.Locator(".fil-namn", new() { HasTextString = fileName }) });

    private string Url(string path) => new Uri(folder.BaseUrl, path).ToString();

    [GeneratedRegex(@"ny-rutin-under-arbete\.md är (tillagd och sökbar|ändrad och indexerad på nytt)\.")]
    private static partial Regex AddedOrChangedPattern();

    [GeneratedRegex(@"^Misslyckades \(\d+\)$")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"^Taggar och varför \(\d+\)$")]
    private static partial Regex TagCountPattern();
}
