using Kunskapsbank.Api.Hosting;
using Kunskapsbank.Indexer.Search;
using Microsoft.AspNetCore.Mvc;

namespace Kunskapsbank.Api.Controllers;

/// <summary>The taxonomy with document counts over the whole index.</summary>
[ApiController]
[Route("api/facets")]
[RequireOpenIndex]
public sealed class FacetsController(IndexHost host) : ControllerBase
{
    /// <summary>Every facet with all its values and how many documents carry each.</summary>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<FacetSummary>>(StatusCodes.Status200OK)]
    public IActionResult Get() => Ok(host.Index!.Search.GetFacets());
}
