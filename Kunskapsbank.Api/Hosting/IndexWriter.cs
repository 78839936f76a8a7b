using Kunskapsbank.Indexer.Corpus;

namespace Kunskapsbank.Api.Hosting;

/// <summary>The single writer: every full or partial sync of the index goes through here, one at a time.</summary>
/// <remarks>Sync errors are logged and reported, never thrown: the service keeps serving the index it has.</remarks>
public sealed class IndexWriter(IndexHost host, WriterStatus status, ILogger<IndexWriter> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Full incremental sync of the corpus folder.</summary>
    public Task<SyncReport?> SyncAllAsync(SyncTrigger trigger, CancellationToken cancellationToken) =>
        RunAsync(trigger, ownThread: true, (corpus, ct) => corpus.SyncAll(new InlineProgress(status.Progressed), ct), cancellationToken);

    /// <summary>Sync of the given absolute paths (files or folders, existing or gone).</summary>
    public async Task<SyncReport?> SyncPathsAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken)
    {
        status.CountWatcherPaths(paths.Count);

        // From here until the sync ends the editors' page shows these paths as being read.
        status.HandedOver(paths);
        try
        {
            return await RunAsync(SyncTrigger.Watcher, ownThread: paths.Count >= ICorpusIndexer.LongRunFiles, (corpus, ct) => corpus.SyncPaths(paths, ct), cancellationToken);
        }
        finally
        {
            status.Handled(paths);
        }
    }

    private async Task<SyncReport?> RunAsync(SyncTrigger trigger, bool ownThread, Func<ICorpusIndexer, CancellationToken, SyncReport> sync, CancellationToken cancellationToken)
    {
        if (host.Index is not { } index)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        status.Started(trigger);
        SyncReport? report = null;
        try
        {
            // A full sync can write for minutes; on a thread of its own it leaves the pool's few threads to the
            // requests (PreparedInOrder gives a long run's workers their own threads for the same reason). A small
            // watcher batch is short and stays on the pool, where its analysis chain is reused.
            report = ownThread
                ? await Task.Factory.StartNew(() => sync(index.Corpus, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                : await Task.Run(() => sync(index.Corpus, cancellationToken), cancellationToken);
            Log(trigger, report);
            return report;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
#pragma warning disable CA1031 // A failed run is reported; the next watcher batch or reconcile tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Synkroniseringen av dokumentmappen misslyckades ({Trigger}). Nästa avstämning försöker igen.", trigger);
            return null;
        }
        finally
        {
            status.Finished(trigger, report, report is not null);
            _gate.Release();
        }
    }

    private void Log(SyncTrigger trigger, SyncReport report)
    {
        foreach (var failed in report.Failed)
        {
            logger.LogWarning("Filen {Path} kunde inte indexeras ({Kind}): {Reason}", failed.Path, failed.Kind, failed.Reason);
        }

        var level = trigger == SyncTrigger.Watcher && report.Indexed + report.Removed + report.Moved + report.Failed.Count == 0
            ? LogLevel.Debug
            : LogLevel.Information;
        logger.Log(
            level,
            "Synkronisering klar ({Trigger}): {Indexed} indexerade, {Unchanged} oförändrade, {Removed} borttagna, {Moved} flyttade, {Failed} misslyckade på {ElapsedMs} ms",
            trigger,
            report.Indexed,
            report.Unchanged,
            report.Removed,
            report.Moved,
            report.Failed.Count,
            (long)report.Elapsed.TotalMilliseconds);
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and arrive out of order).</summary>
    private sealed class InlineProgress(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }
}
