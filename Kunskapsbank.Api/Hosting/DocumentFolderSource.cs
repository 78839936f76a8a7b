using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kunskapsbank.Api.Watching;
using Kunskapsbank.Indexer;
using Kunskapsbank.Indexer.Corpus;
using Kunskapsbank.Web.DocumentFolder;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Hosting;

/// <summary>What the UI's Dokumentmappen page reads: the index's report, the watcher's waiting paths and the writer's batch.</summary>
/// <remarks>
/// The report reads every file's ledger entry and every document's tags, so it is read again only after a sync
/// finished (the writer's run count moved: watcher batches, reconciles, also those that only removed a failed file),
/// every second while a sync or OCR runs, and at least every 30 s; any number of open pages polling every few
/// seconds cost one read.
/// </remarks>
internal sealed class DocumentFolderSource(
    IndexHost host,
    PendingChanges pending,
    WriterStatus writer,
    IOptions<KunskapsbankOptions> options,
    TimeProvider clock) : IDocumentFolderSource
{
    private const int MaxReading = 500;
    private static readonly TimeSpan BusyMaxAge = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IdleMaxAge = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private CachedReport? _cached;

    public bool IsPageEnabled => options.Value.DocumentFolder.ShowPage;

    public DocumentFolderSnapshot Current()
    {
        var index = host.Index ?? throw new IndexNotOpenException();
        var reading = Reading(index.CorpusPath);
        var writing = writer.Snapshot();
        var sync = writing is { Running: true, Trigger: not SyncTrigger.Watcher }
            ? new FolderSyncProgress(writing.Done ?? 0, writing.Total ?? 0)
            : null;
        var report = Report(index, writing.Totals.Runs, busy: writing.Running || reading.Count > 0);
        return new DocumentFolderSnapshot(report.Report, report.Version, reading, sync);
    }

    private CachedReport Report(KunskapsbankIndex index, int syncRuns, bool busy)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (_cached is { } cached && ReferenceEquals(cached.Index, index) && cached.SyncRuns == syncRuns)
            {
                var ocrRunning = cached.Report.Files.Any(f => f.State == "ocr");
                if (now - cached.ReadAt < (busy || ocrRunning ? BusyMaxAge : IdleMaxAge))
                {
                    return cached;
                }
            }

            var report = index.Corpus.GetReport();
            _cached = new CachedReport(index, report, VersionOf(report), syncRuns, now);
            return _cached;
        }
    }

    // Paths the watcher holds back until they settle, and those handed to the writer and not yet indexed.
    private List<string> Reading(string corpusRoot)
    {
        var root = corpusRoot.EndsWith(Path.DirectorySeparatorChar) ? corpusRoot : corpusRoot + Path.DirectorySeparatorChar;
        var reading = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string fullPath, bool isDirectory)
        {
            if (reading.Count < MaxReading && fullPath.StartsWith(root, StringComparison.Ordinal))
            {
                var relative = fullPath[root.Length..].Replace(Path.DirectorySeparatorChar, '/') + (isDirectory ? "/" : string.Empty);
                if (seen.Add(relative))
                {
                    reading.Add(relative);
                }
            }
        }

        foreach (var (path, isDirectory) in pending.Waiting(MaxReading))
        {
            Add(path, isDirectory);
        }

        foreach (var path in writer.PathsBeingSynced())
        {
            // A path deleted from the folder is not being read; the sync removes it and lists the change.
            if (File.Exists(path))
            {
                Add(path, isDirectory: false);
            }
            else if (Directory.Exists(path))
            {
                Add(path, isDirectory: true);
            }
        }

        return reading;
    }

    private static string VersionOf(IndexReport report)
    {
        var text = new StringBuilder();
        foreach (var file in report.Files)
        {
            text.Append(CultureInfo.InvariantCulture, $"{file.Path}\t{file.State}\t{file.RecordedAt.UtcTicks}\t{file.DocumentId}\t{file.FailureKind}\t{file.Ocr?.Done}/{file.Ocr?.Total}/{file.Ocr?.Current}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{report.Documents.Count}\t{report.LastSync?.UtcTicks}\t{report.RecentChanges.Count}");
        if (report.RecentChanges.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\t{report.RecentChanges.Max(c => c.Time).UtcTicks}");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 12));
    }

    private sealed record CachedReport(KunskapsbankIndex Index, IndexReport Report, string Version, int SyncRuns, DateTimeOffset ReadAt);
}
