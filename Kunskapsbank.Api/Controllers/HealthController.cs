using Kunskapsbank.Api.Hosting;
using Kunskapsbank.Api.Watching;
using Microsoft.AspNetCore.Mvc;

namespace Kunskapsbank.Api.Controllers;

/// <summary>Liveness and readiness for orchestrators and for people watching a sync.</summary>
[ApiController]
[Route("health")]
public sealed class HealthController(IndexHost host, SyncStatus sync, PendingChanges changes) : ControllerBase
{
    /// <summary>The process answers.</summary>
    [HttpGet("live")]
    [ProducesResponseType<LiveStatus>(StatusCodes.Status200OK)]
    public IActionResult Live() => Ok(new LiveStatus("ok"));

    /// <summary>200 once a usable index is open (503 before), with sync progress and the last sync's summary.</summary>
    [HttpGet("ready")]
    [ProducesResponseType<ReadyStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType<ReadyStatus>(StatusCodes.Status503ServiceUnavailable)]
    public IActionResult Ready()
    {
        var status = host.OpenError is not null ? "fel" : host.IsReady ? "klar" : "startar";
        var body = new ReadyStatus(status, host.Index is not null, host.InitialSyncDone, host.OpenError, sync.Snapshot(), changes.Count);
        return host.IsReady ? Ok(body) : StatusCode(StatusCodes.Status503ServiceUnavailable, body);
    }
}

/// <summary>The liveness answer.</summary>
public sealed record LiveStatus(string Status);

/// <summary>The readiness answer.</summary>
/// <param name="Status">`klar`, `startar` or `fel`.</param>
/// <param name="PendingChanges">Paths the watcher has seen but not yet handed to the index.</param>
public sealed record ReadyStatus(string Status, bool IndexOpen, bool InitialSyncDone, string? Error, SyncSnapshot Sync, int PendingChanges);
