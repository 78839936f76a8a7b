using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

/// <summary>Takes one README screenshot into <see cref="RepositoryPaths.Screenshots"/> after the page is arranged.</summary>
internal static class Screenshot
{
    public static async Task TakeAsync(UiFixture ui, UiServer server, string name, int width, int height, Func<IPage, Task> arrange)
    {
        await using var probed = await ui.NewPageAsync(server, new() { ViewportSize = new() { Width = width, Height = height } });
        await arrange(probed.Page);
        var path = Path.Combine(RepositoryPaths.Screenshots, name);
        await probed.Page.ScreenshotAsync(new() { Path = path });
        Assert.True(new FileInfo(path).Length > 10_000, $"{name} är nästan tom.");
        await probed.AssertNoProblemsAsync();
    }
}
