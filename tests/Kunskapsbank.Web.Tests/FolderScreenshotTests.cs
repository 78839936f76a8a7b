using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

/// <summary>The README's screenshots of Dokumentmappen, over a folder with files that fail (see <see cref="ScreenshotTests"/>).</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FolderScreenshotTests(UiFixture ui, FolderUiServer folder) : IClassFixture<FolderUiServer>
{
    [Fact]
    public async Task Screenshots_of_the_document_folder_on_a_desktop_and_a_phone()
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);

        await ShootAsync("dokumentmappen.png", 1280, 900, async page =>
        {
            await page.GotoAsync(new Uri(folder.BaseUrl, "/dokumentmappen").ToString());
            await Assertions.Expect(page.Locator(".filer > .fil .tillstand").First).ToHaveTextAsync("Misslyckades");
        });

        await ShootAsync("dokumentmappen-mobil.png", 390, 844, async page =>
        {
            await page.GotoAsync(new Uri(folder.BaseUrl, "/dokumentmappen?visa=sokbara&namn=rutin").ToString());
            var tags = page.Locator(".filer > .fil details.taggar").First;
            await tags.Locator("summary").ClickAsync();
            await Assertions.Expect(tags.Locator("li").First).ToBeVisibleAsync();
            await page.EvaluateAsync("() => document.querySelector('.filer details.taggar[open] > ul').scrollIntoView({ block: 'end' })");
        });
    }

    private Task ShootAsync(string name, int width, int height, Func<IPage, Task> arrange) =>
        Screenshot.TakeAsync(ui, folder, name, width, height, arrange);
}
