using Kunskapsbank.Api.Hosting;
using Kunskapsbank.Api.Watching;
using Microsoft.AspNetCore.Mvc;

namespace Kunskapsbank.Api.Controllers;

/// <summary>Liveness and readiness for orchestrators and for people watching a sync.</summary>
[ApiController]
[Route("health")]
public sealed class HealthController(IndexHost host, WriterStatus sync, PendingChanges changes) : ControllerBase
{
    /// <summary>The process answers.</summary>
    [HttpGet("live")]
    [ProducesResponseType<LiveStatus>(StatusCodes.Status200OK)]
    public IActionResult Live() => Ok(new LiveStatus("ok"));

    /// <summary>200 once a usable index is open (503 before), with sync progress, the last sync's summary and the
    /// scanned PDFs being read by OCR ("OCR pågår, sida 3 av 12").</summary>
    [HttpGet("ready")]
    [ProducesResponseType<ReadyStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType<ReadyStatus>(StatusCodes.Status503ServiceUnavailable)]
    public IActionResult Ready()
    {
        var status = host.OpenError is not null ? "fel" : host.IsReady ? "klar" : "startar";
        var body = new ReadyStatus(status, host.Index is not null, host.InitialSyncDone, host.OpenError, sync.Snapshot(), changes.Count, OcrReadiness.Of(host.Index?.Ocr.Status()));
        return host.IsReady ? Ok(body) : StatusCode(StatusCodes.Status503ServiceUnavailable, body);
    }
}

/// <summary>The liveness answer.</summary>
public sealed record LiveStatus(string Status);

/// <summary>The readiness answer.</summary>
/// <param name="Status">`klar`, `startar` or `fel`.</param>
/// <param name="PendingChanges">Paths the watcher has seen but not yet handed to the index.</param>
/// <param name="Ocr">The background OCR of scanned PDFs (null until the index is open).</param>
public sealed record ReadyStatus(string Status, bool IndexOpen, bool InitialSyncDone, string? Error, SyncSnapshot Sync, int PendingChanges, OcrReadiness? Ocr);

/// <summary>The background OCR: files being read or waiting, first the one being read; they become searchable when done.</summary>
/// <param name="FilesRead">Files whose OCR ended since the service started.</param>
/// <param name="PagesRead">Pages those files' OCR read.</param>
public sealed record OcrReadiness(IReadOnlyList<OcrFileReadiness> Files, int FilesRead, int PagesRead)
{
    /// <summary>The view of the index's OCR status, or null.</summary>
    public static OcrReadiness? Of(Indexer.Corpus.BackgroundOcrStatus? status) => status is null
        ? null
        : new OcrReadiness(status.Files.Select(f => new OcrFileReadiness(f.Path, f.Progress.Message, f.Progress.Done, f.Progress.Total, f.Progress.Waiting)).ToList(), status.FilesRead, status.PagesRead);
}

/// <summary>One scanned PDF in the OCR queue.</summary>
/// <param name="Path">Relative to the corpus folder.</param>
/// <param name="Message">"OCR pågår, sida 3 av 12" or "Väntar på OCR, 12 sidor".</param>
public sealed record OcrFileReadiness(string Path, string Message, int Done, int Total, bool Waiting);
