using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Web.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Kunskapsbank.Web.Controllers;

/// <summary>The document page: metadata, outline, the passages matching the query the user came with, the original.</summary>
[ContentSecurityPolicy]
public sealed class DocumentController(ISearchEngine engine) : Controller
{
    // Deep enough to find the document among the hits of any sensible query; the page shows only its passages.
    private const int MatchSearchDepth = 50;

    /// <summary>`/dokument/{id}?q=…`.</summary>
    [HttpGet("/dokument/{id}")]
    [EnableRateLimiting(RateLimitPolicyNames.Search)]
    public IActionResult Show(string id, [FromQuery] string? q)
    {
        var details = long.TryParse(id, out var documentId) ? engine.GetDocument(documentId) : null;
        if (details is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("NotFound");
        }

        var query = SearchQuery.Bounded(InputText.Clean(q));

        IReadOnlyList<HitPassage>? matches = null;
        string? inputError = null;
        if (query.Length > 0)
        {
            try
            {
                var response = engine.Search(
                    new SearchRequest { Query = query, PageSize = MatchSearchDepth, IncludeFacets = false },
                    HttpContext.RequestAborted);
                matches = response.Hits.FirstOrDefault(h => h.Id == details.Id)?.Passages ?? [];
            }
            catch (SearchInputException e)
            {
                inputError = e.Message;
            }
        }

        var labels = new TaxonomyLabels(engine.GetFacets());
        var typeLabel = details.DocumentType is { } type ? labels.Value("dokumenttyp", type) : null;
        return View("Show", new DocumentPage(details, query, matches, inputError, TagGroups(details, labels), typeLabel));
    }

    private static List<TagGroup> TagGroups(DocumentDetails details, TaxonomyLabels labels)
    {
        // Year, type, publisher and status have their own rows; tags list only the vocabularies.
        var order = new List<string> { "malgrupp", "amne", "yrkesgrupp" };
        return details.Tags
            .Where(t => order.Contains(t.Facet))
            .GroupBy(t => t.Facet, StringComparer.Ordinal)
            .OrderBy(g => order.IndexOf(g.Key))
            .Select(g => new TagGroup(labels.Facet(g.Key), g.Select(t => labels.Value(g.Key, t.Value)).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
