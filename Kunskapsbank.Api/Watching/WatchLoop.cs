using Kunskapsbank.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Watching;

/// <summary>Hands settled paths to the index in batches and runs the periodic and requested full reconciles.</summary>
public sealed class WatchLoop(
    IOptions<KunskapsbankOptions> options,
    PendingChanges queue,
    ReconcileSignal reconcile,
    CorpusSync sync,
    TimeProvider clock)
{
    // Short enough to keep "searchable within a second", long enough to batch a burst of copied files.
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs until the host stops.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.Watcher.ReconcileMinutes);
        var nextReconcile = interval > TimeSpan.Zero ? clock.GetUtcNow() + interval : DateTimeOffset.MaxValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            var requested = await reconcile.WaitAsync(Tick, cancellationToken);
            if (requested || clock.GetUtcNow() >= nextReconcile)
            {
                await sync.SyncAllAsync(requested ? reconcile.LastTrigger : SyncTrigger.Reconcile, cancellationToken);
                nextReconcile = interval > TimeSpan.Zero ? clock.GetUtcNow() + interval : DateTimeOffset.MaxValue;
            }

            var settled = queue.TakeSettled();
            if (settled.Count > 0 && await sync.SyncPathsAsync(WithoutNested(settled), cancellationToken) is null && !cancellationToken.IsCancellationRequested)
            {
                // The batch is lost to a failed run; a full reconcile finds whatever it held.
                reconcile.Request(SyncTrigger.Reconcile);
            }
        }
    }

    /// <summary>Drops paths under a folder that is itself in the batch: syncing the folder covers them.</summary>
    public static IReadOnlyList<string> WithoutNested(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sorted = paths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var kept = new List<string>(sorted.Count);
        foreach (var path in sorted)
        {
            // Sorted order puts a folder right before its contents, but "a-b" sorts between "a" and "a/x": check every kept folder prefix.
            if (!kept.Any(folder => path.Length > folder.Length && path.StartsWith(folder, StringComparison.Ordinal) && path[folder.Length] == Path.DirectorySeparatorChar))
            {
                kept.Add(path);
            }
        }

        return kept;
    }
}
