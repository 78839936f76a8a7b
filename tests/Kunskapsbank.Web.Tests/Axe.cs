using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

/// <summary>axe-core through Deque.AxeCore.Playwright: the page's current state has no serious or critical violation.</summary>
public static class Axe
{
    /// <summary>Runs axe on the page as it is now (after any clicks) and fails with each serious or critical rule broken.</summary>
    /// <remarks>The page's context must allow JavaScript: with it switched off, evaluating axe never returns.</remarks>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        // RunAxe evaluates axe-core through the DevTools protocol: the page's CSP (no inline script) stays in force.
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} – " + string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString())))
            .ToList();
        Assert.True(serious.Count == 0, $"axe på {page.Url}:\n" + string.Join('\n', serious));
    }
}
