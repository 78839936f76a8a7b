using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Web.Gaps;
using Kunskapsbank.Web.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Kunskapsbank.Web.Controllers;

/// <summary>The search page (`/`), the support-line mode (`/stodtelefon`) and typeahead (`/forslag`).</summary>
/// <remarks>
/// One renderer: the full page and the fragment the script swaps in (`fragment=1`) come from the same partial view,
/// so the page without JavaScript and the instant page can never disagree.
/// </remarks>
[ContentSecurityPolicy]
public sealed class SearchController(ISearchEngine engine, IEnumerable<IGapObserver> gapObservers) : Controller
{
    private const int PageSize = 10;
    private const int SuggestionLimit = 8;

    /// <summary>The search page; `fragment=1` returns only the results area.</summary>
    [HttpGet("/")]
    [EnableRateLimiting(RateLimitPolicyNames.Search)]
    public IActionResult Index() => Render(SearchMode.Search);

    /// <summary>The compact, keyboard-driven page for the national support line.</summary>
    [HttpGet("/stodtelefon")]
    [EnableRateLimiting(RateLimitPolicyNames.Search)]
    public IActionResult SupportLine() => Render(SearchMode.SupportLine);

    /// <summary>Typeahead completions as JSON: text, kind and where choosing it leads.</summary>
    [HttpGet("/forslag")]
    [EnableRateLimiting(RateLimitPolicyNames.Typeahead)]
    public IActionResult Suggest([FromQuery] string? q)
    {
        var prefix = InputText.Clean(q);
        if (prefix.Length < 2 || prefix.Length > SearchQuery.MaxTextLength)
        {
            return Json(Array.Empty<SuggestionItem>());
        }

        var items = engine.Suggest(prefix, SuggestionLimit)
            .Select(c => new SuggestionItem(
                c.Text,
                c.DocumentId is { } id ? "dokument" : "sokord",
                c.DocumentId is { } docId
                    ? $"/dokument/{docId}"
                    : SearchQuery.Empty.WithText(c.Text).ToUrl("/")))
            .ToList();
        return Json(items);
    }

    private IActionResult Render(SearchMode mode)
    {
        var fragment = Request.Query["fragment"] == "1";
        var query = SearchQuery.FromQueryString(Request.Query);
        SearchResponse? response = null;
        string? inputError = null;
        var pastLastPage = false;
        if (query.HasCriteria)
        {
            try
            {
                response = engine.Search(query.ToRequest(PageSize), HttpContext.RequestAborted);

                // `?sida=99999` of a three-page answer: show the last page and say so, never "Sida 1000 av 3".
                var lastPage = SearchPage.PageCountOf(response.Total, PageSize);
                if (response.Total > 0 && query.Page > lastPage)
                {
                    pastLastPage = true;
                    query = query.WithPage(lastPage);
                    response = engine.Search(query.ToRequest(PageSize), HttpContext.RequestAborted);
                }
            }
            catch (SearchInputException e)
            {
                inputError = e.Message;
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            catch (OperationCanceledException) when (HttpContext.RequestAborted.IsCancellationRequested)
            {
                // The browser cancelled a stale as-you-type request; nobody is waiting for an answer.
                return new EmptyResult();
            }
        }

        // A page load or a submit is a search a person finished; the as-you-type fragments in between are not.
        if (response is not null && (!fragment || Request.Query["raknas"] == "1"))
        {
            var plain = query.Page == 1 && query.Filters.Count == 0 && !pastLastPage;
            foreach (var observer in gapObservers)
            {
                observer.Observe(query.Text, response.PartialMatch ? 0 : response.Total, plain);
            }
        }

        var page = new SearchPage(mode, query, response, inputError, PageSize) { PastLastPage = pastLastPage };
        var partial = mode == SearchMode.SupportLine ? "_SupportResults" : "_Results";
        if (fragment)
        {
            Response.Headers.CacheControl = "no-store";
            return PartialView(partial, page);
        }

        return View(mode == SearchMode.SupportLine ? "SupportLine" : "Index", page);
    }
}

/// <summary>One typeahead entry.</summary>
/// <param name="Kind">`dokument` (opens the document) or `sokord` (searches for the text).</param>
public sealed record SuggestionItem(string Text, string Kind, string Url);
