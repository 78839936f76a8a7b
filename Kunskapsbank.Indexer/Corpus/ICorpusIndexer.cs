using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Corpus;

/// <summary>Keeps the index in step with the corpus folder. One writer at a time; searches are never blocked.</summary>
public interface ICorpusIndexer
{
    /// <summary>From this many files a sync runs on threads of its own instead of the thread pool (its preparing
    /// workers here, the sync itself where the service starts it).</summary>
    /// <remarks>In the service the pool runs two to four threads on two cores; a full re-index held three of them for its
    /// whole length, and requests waited for the pool to add threads (one per half second when it sees them starve): the
    /// stress test's load under a full re-index stalled every kind of request at once for 2.1–4.7 s (decision 45).</remarks>
    const int LongRunFiles = 64;

    /// <summary>Full incremental sync: added, changed (by content hash), removed and moved files.</summary>
    SyncReport SyncAll(IProgress<SyncProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Syncs just these absolute paths (files or folders, existing or deleted), e.g. from a watcher.</summary>
    SyncReport SyncPaths(IReadOnlyCollection<string> paths, CancellationToken cancellationToken);

    /// <summary>Documents with their metadata and tag reasons, and every file that failed with its reason.</summary>
    IndexReport GetReport();

    /// <summary>Runs the write path once on a built-in document in a throwaway in-memory index, so the first file dropped
    /// after a start does not wait for it to be compiled; true when the document went the whole way.</summary>
    bool WarmWritePath();
}

/// <summary>What one sync run did.</summary>
/// <param name="Indexed">Documents written (a mixed PDF with its text pages counts here while its scans wait for OCR).</param>
public sealed record SyncReport(
    int Indexed,
    int Unchanged,
    int Removed,
    int Moved,
    IReadOnlyList<FailedFile> Failed,
    TimeSpan Elapsed)
{
    /// <summary>Files whose scanned pages were handed to the background OCR queue (new, changed, or still waiting).</summary>
    public int WaitingForOcr { get; init; }
}

/// <summary>A file that was not indexed, with a Swedish reason.</summary>
/// <param name="Path">Relative to the corpus root.</param>
/// <param name="Kind">A stable category (see <see cref="Extraction.ExtractionFailureKind"/>, or `metadata`).</param>
public sealed record FailedFile(string Path, string Kind, string Reason);

/// <summary>Progress of a long sync: <paramref name="Done"/> of <paramref name="Total"/> files of the current stage.</summary>
/// <param name="Stage">What the run is doing now; each stage counts its own files from 0.</param>
public sealed record SyncProgress(int Done, int Total, string? CurrentPath, SyncStage Stage = SyncStage.Indexing);

/// <summary>The stages of a sync run, in the order they come.</summary>
public enum SyncStage
{
    /// <summary>Comparing the files on disk with the ledger (size, time, content hash).</summary>
    Checking,

    /// <summary>Extracting, analysing and writing the new and changed files.</summary>
    Indexing,

    /// <summary>Merging and committing the index (the counts are those of the finished indexing stage).</summary>
    Saving,
}

/// <summary>The state of the index for editors.</summary>
/// <param name="Files">Every file of the ledger (indexed or failed), by path.</param>
/// <param name="RecentChanges">The latest changes to the index, newest first.</param>
public sealed record IndexReport(
    IReadOnlyList<ReportedDocument> Documents,
    IReadOnlyList<FailedFile> Failed,
    DateTimeOffset? LastSync,
    IReadOnlyList<ReportedFile> Files,
    IReadOnlyList<ReportedChange> RecentChanges);

/// <summary>One file of the corpus as the index's ledger knows it.</summary>
/// <param name="Path">Relative to the corpus root.</param>
/// <param name="State">`indexed`, `failed`, or `ocr` (scanned pages being read in the background; not yet searchable).</param>
/// <param name="DocumentId">The document of an indexed file.</param>
/// <param name="Title">The title of an indexed file's document.</param>
/// <param name="FailureKind">A stable category for a failed file (as <see cref="FailedFile.Kind"/>).</param>
/// <param name="Reason">The Swedish reason a file failed.</param>
/// <param name="Size">Size in bytes when it was handled.</param>
/// <param name="Modified">The file's modification time when it was handled.</param>
/// <param name="RecordedAt">When it was indexed or failed.</param>
/// <param name="Ocr">How far OCR of the file has come, while its state is `ocr` (or the last run's result when OCR finished).</param>
public sealed record ReportedFile(
    string Path,
    string State,
    long? DocumentId,
    string? Title,
    string? FailureKind,
    string? Reason,
    long Size,
    DateTimeOffset Modified,
    DateTimeOffset RecordedAt,
    Extraction.Ocr.OcrProgress? Ocr = null);

/// <summary>One change to the index.</summary>
/// <param name="Kind">`tillagd`, `andrad`, `flyttad`, `borttagen` or `misslyckad`.</param>
/// <param name="OldPath">Where a moved file was before.</param>
public sealed record ReportedChange(DateTimeOffset Time, string Kind, string Path, string? OldPath);

/// <summary>One indexed document in the report: its summary, its tags with their reasons, and its problems.</summary>
public sealed record ReportedDocument : DocumentSummary
{
    /// <summary>The report line of the document <paramref name="summary"/> describes.</summary>
    public ReportedDocument(DocumentSummary summary, IReadOnlyList<FacetTag> tags, IReadOnlyList<string> problems)
        : base(summary)
    {
        Tags = tags;
        Problems = problems;
    }

    /// <summary>Facet values with their source and reason.</summary>
    public IReadOnlyList<FacetTag> Tags { get; init; }

    /// <summary>Swedish notes (bad sidecar values, capped text) that did not stop indexing.</summary>
    public IReadOnlyList<string> Problems { get; init; }
}
