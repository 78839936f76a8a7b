using Kunskapsbank.Api.Hosting;

namespace Kunskapsbank.Api.Watching;

/// <summary>A request for a full reconcile (watcher overflow, an administrator); several requests collapse into one run.</summary>
public sealed class ReconcileSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private volatile int _trigger = (int)SyncTrigger.Reconcile;

    /// <summary>Why the latest request was made.</summary>
    public SyncTrigger LastTrigger => (SyncTrigger)_trigger;

    /// <summary>Asks for a full reconcile as soon as the writer is free.</summary>
    public void Request(SyncTrigger trigger)
    {
        _trigger = (int)trigger;
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already requested: one run covers both.
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a request.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _signal.Dispose();
}
