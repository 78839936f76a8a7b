namespace Kunskapsbank.Api.Hosting;

/// <summary>Builds the search caches of the index's new state after a change, off the request path: requests that come
/// while a warm-up runs are served by one more warm-up of the state then current.</summary>
/// <remarks>Every change opens a new reader, whose title list, vocabulary and facet ordinals were built by the first
/// request to need them: the first keystroke of a typeahead after a dropped file took 50–160 ms instead of 2 ms
/// (10,000 documents). A failure (the index closing at shutdown, say) is logged, never thrown: the caches are then
/// built by the first request, as before.</remarks>
public sealed class SearchCacheWarmer(Action warm, Action<Exception> failed)
{
    private int _requests;

    /// <summary>Asks for a warm-up of the current state; returns at once.</summary>
    public void Request()
    {
        if (Interlocked.Increment(ref _requests) == 1)
        {
            _ = Task.Run(Run);
        }
    }

    /// <summary>A task that completes when no warm-up is running or asked for (for tests and shutdown).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _requests) != 0)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    private void Run()
    {
        var served = Volatile.Read(ref _requests);
        while (true)
        {
            try
            {
                warm();
            }
#pragma warning disable CA1031 // An optimisation: the first request builds the caches without it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failed(ex);
            }

            // Requests that came during this warm-up may have seen an older reader: one more round covers them all.
            var left = Interlocked.Add(ref _requests, -served);
            if (left == 0)
            {
                return;
            }

            served = left;
        }
    }
}
