using System.Globalization;
using Kunskapsbank.Web.Models;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kunskapsbank.Web.Controllers;

/// <summary>Swedish error pages for people: the host re-executes a bodiless 4xx/5xx of a page request here.</summary>
/// <remarks>API clients get ProblemDetails from the host instead; see Kunskapsbank.Api/Problems.</remarks>
[ContentSecurityPolicy]
public sealed class ErrorController : Controller
{
    /// <summary>The path the host re-executes with the status code filled in.</summary>
    public const string PathFormat = "/fel/{0}";

    /// <summary>`/fel/{status}`: the page for that status, sent with that status.</summary>
    [HttpGet("/fel/{status:int}")]
    public IActionResult Show(int status)
    {
        if (status is < 400 or > 599)
        {
            status = StatusCodes.Status404NotFound;
        }

        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var retryUrl = original is null ? null : original.OriginalPathBase + original.OriginalPath + original.OriginalQueryString;
        if (retryUrl is not null && (!retryUrl.StartsWith('/') || retryUrl.StartsWith("//", StringComparison.Ordinal) || retryUrl.StartsWith("/\\", StringComparison.Ordinal)))
        {
            // `//host/…` would be a link to another site.
            retryUrl = null;
        }

        var retryAfter = int.TryParse(Response.Headers.RetryAfter.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : (int?)null;
        Response.StatusCode = status;
        Response.Headers.CacheControl = "no-store";
        return View("Error", ErrorPage.For(status, retryUrl, retryAfter));
    }
}
