using Kunskapsbank.Api.Watching;

namespace Kunskapsbank.Api.Hosting;

/// <summary>At start: open the index, start watching, run a full sync in the background, warm the write path, then keep
/// the index in step.</summary>
/// <remarks>The watcher starts before the first sync so nothing written meanwhile is missed; its queue waits for the sync.</remarks>
internal sealed class IndexStartupService(IndexHost host, CorpusWatcher watcher, IndexWriter sync, WatchLoop loop) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await host.OpenAsync(stoppingToken))
        {
            return;
        }

        watcher.Start();
        await sync.SyncAllAsync(SyncTrigger.Start, stoppingToken);
        host.MarkInitialSyncDone();

        // Events that arrive meanwhile wait in the watcher's queue, and the first of them would have paid for this anyway.
        await host.WarmWritePathAsync(stoppingToken);
        try
        {
            await loop.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
