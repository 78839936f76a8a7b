using Kunskapsbank.Indexer.Corpus;

namespace Kunskapsbank.Api.Hosting;

/// <summary>Why a sync ran; shown in /health/ready.</summary>
public enum SyncTrigger
{
    /// <summary>The full sync at start.</summary>
    Start,

    /// <summary>Files the watcher saw change.</summary>
    Watcher,

    /// <summary>The periodic or overflow-triggered full reconcile.</summary>
    Reconcile,

    /// <summary>An administrator asked for it.</summary>
    Admin,
}

/// <summary>What the index writer is doing and has done; thread-safe, read by /health/ready.</summary>
public sealed class WriterStatus(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private SyncTrigger? _running;
    private SyncProgress? _progress;
    private SyncSummary? _last;
    private SyncTotals _totals = new(0, 0, 0, 0, 0, 0);
    private readonly List<IReadOnlyCollection<string>> _handedOver = [];

    /// <summary>A snapshot for the health endpoint.</summary>
    public SyncSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new SyncSnapshot(_running is not null, _running, _progress?.Done, _progress?.Total, _last, _totals);
        }
    }

    /// <summary>The absolute paths the watcher handed to the writer that are waiting for it or being indexed now.</summary>
    public IReadOnlyList<string> PathsBeingSynced()
    {
        lock (_lock)
        {
            return [.. _handedOver.SelectMany(b => b).Distinct(StringComparer.Ordinal)];
        }
    }

    internal void HandedOver(IReadOnlyCollection<string> paths)
    {
        lock (_lock)
        {
            _handedOver.Add(paths);
        }
    }

    internal void Handled(IReadOnlyCollection<string> paths)
    {
        lock (_lock)
        {
            _handedOver.Remove(paths);
        }
    }

    internal void Started(SyncTrigger trigger)
    {
        lock (_lock)
        {
            _running = trigger;
            _progress = null;
        }
    }

    internal void Progressed(SyncProgress progress)
    {
        lock (_lock)
        {
            _progress = progress;
        }
    }

    internal void Finished(SyncTrigger trigger, SyncReport? report, bool succeeded)
    {
        lock (_lock)
        {
            _running = null;
            _progress = null;
            _last = new SyncSummary(
                trigger,
                succeeded,
                report?.Indexed ?? 0,
                report?.Unchanged ?? 0,
                report?.Removed ?? 0,
                report?.Moved ?? 0,
                report?.Failed.Count ?? 0,
                (long)(report?.Elapsed.TotalMilliseconds ?? 0),
                clock.GetUtcNow());
            _totals = report is null
                ? _totals with { Runs = _totals.Runs + 1 }
                : new SyncTotals(
                    _totals.Runs + 1,
                    _totals.Indexed + report.Indexed,
                    _totals.Removed + report.Removed,
                    _totals.Moved + report.Moved,
                    _totals.Failed + report.Failed.Count,
                    _totals.PathsFromWatcher);
        }
    }

    internal void CountWatcherPaths(int count)
    {
        lock (_lock)
        {
            _totals = _totals with { PathsFromWatcher = _totals.PathsFromWatcher + count };
        }
    }
}

/// <summary>The writer's state at one moment.</summary>
/// <param name="Done">Files handled so far by the running sync, when it reports progress.</param>
public sealed record SyncSnapshot(bool Running, SyncTrigger? Trigger, int? Done, int? Total, SyncSummary? Last, SyncTotals Totals);

/// <summary>The outcome of the latest sync.</summary>
public sealed record SyncSummary(
    SyncTrigger Trigger,
    bool Succeeded,
    int Indexed,
    int Unchanged,
    int Removed,
    int Moved,
    int Failed,
    long ElapsedMs,
    DateTimeOffset FinishedAt);

/// <summary>Sums over every sync since the process started.</summary>
/// <param name="PathsFromWatcher">Paths the watcher handed to the index (after debouncing).</param>
public sealed record SyncTotals(int Runs, int Indexed, int Removed, int Moved, int Failed, int PathsFromWatcher);
