using Kunskapsbank.Api.Gaps;
using Kunskapsbank.Api.Hosting;
using Kunskapsbank.Api.Problems;
using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Web;
using Kunskapsbank.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Controllers;

/// <summary>Search and typeahead: the HTTP face of <see cref="ISearchEngine"/>.</summary>
[ApiController]
[Route("api")]
[RequireOpenIndex]
public sealed class SearchController(IndexHost host, GapRecorder gaps, IOptions<KunskapsbankOptions> options) : ControllerBase
{
    /// <summary>The parameters that are not facet filters; every other parameter names a facet.</summary>
    internal static readonly HashSet<string> ReservedParameters = new(StringComparer.OrdinalIgnoreCase) { "q", "page", "pageSize", "sort", "explain", "exact" };

    /// <summary>Searches; facet filters are parameters named by facet id (`amne=…&amp;amne=…` selects several values).</summary>
    /// <param name="q">The query: words, "phrases", prefix*, -exclusion, OR, parentheses.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Hits per page.</param>
    /// <param name="sort">`relevans` (default) or `nyast`.</param>
    /// <param name="explain">Include the parsed query, terms and timings.</param>
    /// <param name="exact">Search the words exactly as typed: no typo correction (default false).</param>
    [HttpGet("search")]
    [EnableRateLimiting(RateLimitPolicyNames.Search)]
    [ProducesResponseType<SearchResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    public IActionResult Search(string? q, int page = 1, int pageSize = 10, string? sort = null, bool explain = false, bool exact = false)
    {
        var limits = options.Value.Search;
        q = InputText.Clean(q);
        if (q.Length > limits.MaxQueryLength)
        {
            return ProblemResults.Create(HttpContext, StatusCodes.Status400BadRequest, "for-lang-fraga", "För lång sökning", $"Sökningen får vara högst {limits.MaxQueryLength} tecken.");
        }

        if (page < 1 || page > limits.MaxPage)
        {
            return ProblemResults.BadParameter(HttpContext, $"page måste vara mellan 1 och {limits.MaxPage}.");
        }

        if (pageSize < 1 || pageSize > limits.MaxPageSize)
        {
            return ProblemResults.BadParameter(HttpContext, $"pageSize måste vara mellan 1 och {limits.MaxPageSize}.");
        }

        SortOrder order;
        switch (sort)
        {
            case null or "" or "relevans":
                order = SortOrder.Relevance;
                break;
            case "nyast":
                order = SortOrder.Newest;
                break;
            default:
                return ProblemResults.Create(HttpContext, StatusCodes.Status400BadRequest, "okand-sortering", "Okänd sortering", "sort kan vara relevans eller nyast.");
        }

        var request = new SearchRequest
        {
            Query = q,
            Filters = FacetFilters(),
            Page = page,
            PageSize = pageSize,
            Sort = order,
            Explain = explain,
            CorrectTypos = !exact,
        };
        SearchResponse response;
        try
        {
            response = host.Index!.Search.Search(request, HttpContext.RequestAborted);
        }
        catch (SearchInputException ex)
        {
            return ProblemResults.Create(HttpContext, StatusCodes.Status400BadRequest, ex.ErrorType, "Sökningen kunde inte göras", ex.Message);
        }

        // A partial match means no document covers every term: for the gap report that is a search without hits.
        gaps.Observe(q, response.PartialMatch ? 0 : response.Total, plainSearch: page == 1 && request.Filters.Count == 0);
        return Ok(response);
    }

    /// <summary>Typeahead completions (document titles and frequent terms) for what has been typed so far.</summary>
    /// <param name="q">The text typed so far.</param>
    /// <param name="limit">At most this many completions (1–20).</param>
    [HttpGet("suggest")]
    [EnableRateLimiting(RateLimitPolicyNames.Typeahead)]
    [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<IReadOnlyList<Completion>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public IActionResult Suggest(string? q, int limit = 8)
    {
        if (limit is < 1 or > 20)
        {
            return ProblemResults.BadParameter(HttpContext, "limit måste vara mellan 1 och 20.");
        }

        q = InputText.Clean(q);
        if (q.Length > options.Value.Search.MaxAnalyzeLength)
        {
            return ProblemResults.Create(HttpContext, StatusCodes.Status400BadRequest, "for-lang-fraga", "För lång sökning", $"Texten får vara högst {options.Value.Search.MaxAnalyzeLength} tecken.");
        }

        return Ok(q.Length == 0 ? [] : host.Index!.Search.Suggest(q, limit));
    }

    private Dictionary<string, IReadOnlyList<string>> FacetFilters()
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in Request.Query)
        {
            if (ReservedParameters.Contains(key))
            {
                continue;
            }

            var selected = values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
            if (selected.Count > 0)
            {
                filters[key.ToLowerInvariant()] = selected;
            }
        }

        return filters;
    }
}
