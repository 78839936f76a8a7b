using Kunskapsbank.Indexer.Corpus;

namespace Kunskapsbank.Web.DocumentFolder;

/// <summary>What the editors' page "Dokumentmappen" shows; the host implements it over its index, watcher and writer.</summary>
public interface IDocumentFolderSource
{
    /// <summary>False when the host does not show the page; it then does not exist.</summary>
    bool IsPageEnabled { get; }

    /// <summary>The folder as the service sees it now. Cheap to call often: the host caches the index's report.</summary>
    /// <remarks>Throws what the host's other index calls throw while the index is not open (the host answers 503).</remarks>
    DocumentFolderSnapshot Current();
}

/// <summary>The index's report on every file, and what is on its way into the index.</summary>
/// <param name="Report">Every file the index knows (indexed, failed, OCR running), the documents with their tags, recent changes.</param>
/// <param name="ReportVersion">Changes whenever the report's content does, so a page can tell cheaply that it is stale.</param>
/// <param name="Reading">Paths relative to the corpus (forward slashes) seen to change and not yet handled: waiting for the
/// watcher's quiet period or in the batch being indexed now. Folders end with `/`.</param>
/// <param name="Sync">How far a running full sync has come, or null.</param>
public sealed record DocumentFolderSnapshot(
    IndexReport Report,
    string ReportVersion,
    IReadOnlyList<string> Reading,
    FolderSyncProgress? Sync);

/// <summary>A full sync of the folder in progress: <paramref name="Done"/> of <paramref name="Total"/> files handled.</summary>
public sealed record FolderSyncProgress(int Done, int Total);
