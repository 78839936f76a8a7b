using System.Globalization;
using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Web.DocumentFolder;
using Kunskapsbank.Web.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Kunskapsbank.Web.Controllers;

/// <summary>`/dokumentmappen`: every file of the corpus folder with its state, why a file failed and what to do, tags
/// and why, recent changes; `/dokumentmappen/lage` is the small JSON the open page polls to know when to refresh.</summary>
/// <remarks>Open like the search (file names are not secret in a knowledge bank for professionals; see
/// docs/webbgranssnittet.md); it changes nothing, and admin actions stay behind the admin key of `/api/admin`.</remarks>
[ContentSecurityPolicy]
public sealed class DocumentFolderController(IEnumerable<IDocumentFolderSource> sources, ISearchEngine engine, TimeProvider clock) : Controller
{
    private const int ChangesAnnounced = 5;

    /// <summary>The page; `fragment=1` returns only the part that updates itself.</summary>
    [HttpGet(FolderQuery.Path)]
    [EnableRateLimiting(RateLimitPolicyNames.Search)]
    public IActionResult Index()
    {
        if (sources.FirstOrDefault(s => s.IsPageEnabled) is not { } source)
        {
            return StatusCode(StatusCodes.Status404NotFound);
        }

        var status = new FolderStatus(source.Current());
        var page = new FolderPage(
            status,
            FolderQuery.FromQueryString(Request.Query),
            new TaxonomyLabels(engine.GetFacets()),
            new TimeText(clock.GetUtcNow(), clock.LocalTimeZone));
        Response.Headers.CacheControl = "no-store";
        return Request.Query["fragment"] == "1" ? PartialView("_Folder", page) : View(page);
    }

    /// <summary>The folder's version and counts, and the changes after `sedan` (an ISO time) as Swedish sentences.</summary>
    [HttpGet(FolderQuery.Path + "/lage")]
    [EnableRateLimiting(RateLimitPolicyNames.Search)]
    public IActionResult Status([FromQuery] string? sedan)
    {
        if (sources.FirstOrDefault(s => s.IsPageEnabled) is not { } source)
        {
            return StatusCode(StatusCodes.Status404NotFound);
        }

        var status = new FolderStatus(source.Current());
        DateTimeOffset? since = DateTimeOffset.TryParse(sedan, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var s) ? s : null;
        var changes = status.ChangesAfter(since, int.MaxValue);
        Response.Headers.CacheControl = "no-store";
        return Json(new FolderStatusView(
            status.Version,
            status.Total,
            status.Searchable,
            status.Reading,
            status.Failed,
            status.Busy,
            status.Summary,
            status.SyncText,
            status.NewestChange is { } newest ? TimeText.Iso(newest) : null,
            changes.Take(ChangesAnnounced).Select(c => new FolderChangeView(TimeText.Iso(c.Time), c.Kind, c.Path, c.OldPath, c.Sentence)).ToList(),
            Math.Max(0, changes.Count - ChangesAnnounced)));
    }
}

/// <summary>What `/dokumentmappen/lage` answers.</summary>
/// <param name="Version">Different whenever anything the page shows is; the page fetches itself again only then.</param>
/// <param name="Busy">Files are being read or the whole folder is gone through: ask again soon.</param>
/// <param name="Sync">"Hela mappen gås igenom: 120 av 3 000 filer." while a full sync runs.</param>
/// <param name="Newest">The time of the newest change (pass it back as `sedan`).</param>
/// <param name="Changes">The newest changes after `sedan`, newest first, at most five.</param>
/// <param name="MoreChanges">How many more changes there were after `sedan`.</param>
public sealed record FolderStatusView(
    string Version,
    int Files,
    int Searchable,
    int Reading,
    int Failed,
    bool Busy,
    string Summary,
    string? Sync,
    string? Newest,
    IReadOnlyList<FolderChangeView> Changes,
    int MoreChanges);

/// <summary>One change, with the sentence a screen reader hears.</summary>
/// <param name="Kind">`tillagd`, `andrad`, `flyttad`, `borttagen` or `misslyckad`.</param>
public sealed record FolderChangeView(string Time, string Kind, string Path, string? OldPath, string Text);
