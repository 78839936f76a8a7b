using Kunskapsbank.Web.Gaps;
using Kunskapsbank.Web.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kunskapsbank.Web.Controllers;

/// <summary>`/kunskapsluckor`: the searches that found little, by week, readable and printable for the competence team.</summary>
/// <remarks>Open to everyone who reaches the service, like the search (see docs/webbgranssnittet.md for why); the host
/// can turn it off (`Kunskapsbank:Gaps:ShowPage`), and the raw JSON stays behind the admin key.</remarks>
[ContentSecurityPolicy]
public sealed class GapsController(IEnumerable<IGapReportSource> sources) : Controller
{
    private const int DefaultWeeks = 12;
    private const int MaxWeeks = 52;

    /// <summary>The report for the last `veckor` weeks (2–52, default 12).</summary>
    [HttpGet("/kunskapsluckor")]
    public IActionResult Index([FromQuery] string? veckor)
    {
        var source = sources.FirstOrDefault(s => s.IsPageEnabled);
        if (source is null)
        {
            return StatusCode(StatusCodes.Status404NotFound);
        }

        var weeks = int.TryParse(veckor, out var w) ? Math.Clamp(w, 2, MaxWeeks) : DefaultWeeks;
        Response.Headers.CacheControl = "no-store";
        return View(new GapsPage(source.Overview(weeks), weeks));
    }
}
