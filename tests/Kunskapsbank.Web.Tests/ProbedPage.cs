using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

/// <summary>A page in its own browser context that records console errors, uncaught errors and CSP violations.</summary>
public sealed class ProbedPage : IAsyncDisposable
{
    // Runs before any page script (injected through the DevTools protocol, so the page's CSP does not apply to it).
    private const string CspListener =
        "document.addEventListener('securitypolicyviolation', e => " +
        "(window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI));";

    private readonly ConcurrentQueue<string> _problems = new();

    private ProbedPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<ProbedPage> CreateAsync(IBrowserContext context, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.AddInitScriptAsync(CspListener);
        var page = await context.NewPageAsync();
        var probed = new ProbedPage(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                probed._problems.Enqueue($"console.{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => probed._problems.Enqueue($"uncaught: {error}");
        page.RequestFailed += (_, request) =>
        {
            // Aborted as-you-type requests are cancelled on purpose; anything else failing is a defect.
            if (request.Failure is not null && !request.Failure.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                probed._problems.Enqueue($"request failed: {request.Url} {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 500 || (response.Status == 404 && response.Url.StartsWith(baseUrl.ToString(), StringComparison.Ordinal)))
            {
                probed._problems.Enqueue($"HTTP {response.Status}: {response.Url}");
            }
        };
        return probed;
    }

    /// <summary>Fails when the page logged an error or warning, threw, lost a request or violated the CSP.</summary>
    public async Task AssertNoProblemsAsync()
    {
        var violations = await Page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        var problems = _problems.ToArray().Concat(violations.Select(v => $"CSP: {v}")).ToList();
        Assert.True(problems.Count == 0, "Sidan hade fel:\n" + string.Join('\n', problems));
    }

    /// <summary>Fails when the page scrolls sideways at its current width (WCAG reflow).</summary>
    public async Task AssertNoHorizontalScrollAsync()
    {
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{Page.Url} rullar {overflow} px i sidled vid {Page.ViewportSize?.Width} px bredd.");
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
