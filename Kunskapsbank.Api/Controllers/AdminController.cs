using Kunskapsbank.Api.Gaps;
using Kunskapsbank.Api.Hosting;
using Kunskapsbank.Api.Problems;
using Kunskapsbank.Api.Security;
using Kunskapsbank.Api.Watching;
using Kunskapsbank.Indexer.Corpus;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Controllers;

/// <summary>For editors and administrators: re-index, the indexing report and the knowledge-gap report.</summary>
/// <remarks>These endpoints do not exist (404) until `Kunskapsbank:AdminApiKey` is set.</remarks>
[ApiController]
[Route("api/admin")]
[AdminApiKey]
[RequireOpenIndex]
public sealed class AdminController(
    IndexHost host,
    ReconcileSignal reconcile,
    Lazy<GapStore> gapStore,
    IOptions<KunskapsbankOptions> options,
    TimeProvider clock) : ControllerBase
{
    /// <summary>Starts a full sync of the corpus folder in the background; progress shows in /health/ready.</summary>
    [HttpPost("reindex")]
    [ProducesResponseType<ReindexAccepted>(StatusCodes.Status202Accepted)]
    public IActionResult Reindex()
    {
        reconcile.Request(SyncTrigger.Admin);
        return Accepted("/health/ready", new ReindexAccepted("startad", "En fullständig synkronisering av dokumentmappen har startats. Följ den på /health/ready."));
    }

    /// <summary>Every document with its metadata and tag reasons, and every file that failed with its reason.</summary>
    [HttpGet("report")]
    [ProducesResponseType<IndexReport>(StatusCodes.Status200OK)]
    public IActionResult Report() => Ok(host.Index!.Corpus.GetReport());

    /// <summary>How much memory the process holds and where: resident set, .NET heap and garbage collector settings.</summary>
    [HttpGet("memory")]
    [ProducesResponseType<ProcessMemoryView>(StatusCodes.Status200OK)]
    public IActionResult Memory() => Ok(ProcessMemoryView.Now());

    /// <summary>The most frequent searches with few hits over the last <paramref name="dagar"/> days.</summary>
    /// <param name="dagar">The period in days (1–365).</param>
    [HttpGet("gaps")]
    [ProducesResponseType<GapReport>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult Gaps(int dagar = 30)
    {
        var settings = options.Value.Gaps;
        if (!settings.Enabled)
        {
            return ProblemResults.Create(HttpContext, StatusCodes.Status404NotFound, "funktionen-avstangd", "Rapporten är avstängd", "Rapporten över kunskapsluckor är avstängd (Kunskapsbank:Gaps:Enabled).");
        }

        if (dagar is < 1 or > 365)
        {
            return ProblemResults.BadParameter(HttpContext, "dagar måste vara mellan 1 och 365.");
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var from = today.AddDays(1 - dagar);
        var gaps = gapStore.Value.Report(from, settings.MinimumCount, limit: 200);
        return Ok(new GapReport(from, today, settings.MinimumCount, settings.MaxHits, gaps));
    }
}

/// <summary>The answer to a re-index request.</summary>
public sealed record ReindexAccepted(string Status, string Message);

/// <summary>The knowledge-gap report for a period.</summary>
/// <param name="MinimumCount">Queries asked fewer times than this are not shown.</param>
/// <param name="MaxHits">Only searches with at most this many hits were counted.</param>
public sealed record GapReport(DateOnly From, DateOnly To, int MinimumCount, int MaxHits, IReadOnlyList<KnowledgeGap> Gaps);
