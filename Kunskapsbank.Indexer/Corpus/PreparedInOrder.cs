using System.Runtime.ExceptionServices;

namespace Kunskapsbank.Indexer.Corpus;

/// <summary>Runs a preparation step for items 0..n-1 on worker threads, ahead of one consumer that takes the results in order.</summary>
/// <remarks>
/// The consumer is the sync's writing thread: documents are written (and get their ids) in corpus order, so a run is
/// deterministic and a crash leaves a committed prefix, while extraction and analysis of the next documents go on in
/// parallel — no barrier per chunk where the slowest file of the chunk idles every other core. Workers run at most
/// <c>window</c> items ahead, which bounds the memory of prepared documents. With one thread (or one item) everything
/// runs inline on the consumer's thread. A short run's workers are thread-pool tasks, so their per-thread analysis
/// chains are reused from one sync to the next; a long run's (from <see cref="ICorpusIndexer.LongRunFiles"/> items) get
/// threads of their own, because they hold them for seconds to minutes.
/// </remarks>
internal sealed class PreparedInOrder<T> : IDisposable
    where T : class
{
    private readonly Func<int, CancellationToken, T> _prepare;
    private readonly Slot[] _slots;
    private readonly CancellationTokenSource _stop;
    private readonly SemaphoreSlim? _window;
    private readonly Task[] _workers;
    private readonly object _gate = new();
    private readonly CancellationTokenRegistration _wakeOnStop;
    private int _next = -1;
    private bool _disposed;

    /// <summary>Starts <paramref name="threads"/> workers (none for one thread or one item) over <paramref name="count"/> items.</summary>
    public PreparedInOrder(int count, int threads, Func<int, CancellationToken, T> prepare, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _prepare = prepare;
        _slots = new Slot[count];
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _wakeOnStop = _stop.Token.Register(WakeConsumer);
        var workers = count <= 1 ? 0 : Math.Clamp(threads, 0, count);
        if (workers <= 1)
        {
            _workers = [];
            return;
        }

        _window = new SemaphoreSlim(workers * 4);
        _workers = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            var options = count >= ICorpusIndexer.LongRunFiles ? TaskCreationOptions.DenyChildAttach | TaskCreationOptions.LongRunning : TaskCreationOptions.DenyChildAttach;
            _workers[w] = Task.Factory.StartNew(Work, CancellationToken.None, options, TaskScheduler.Default);
        }
    }

    /// <summary>The result of item <paramref name="index"/>; call for 0, 1, 2 … in turn. Rethrows what its preparation threw.</summary>
    public T Take(int index)
    {
        if (_workers.Length == 0)
        {
            return _prepare(index, _stop.Token);
        }

        ref var slot = ref _slots[index];
        lock (_gate)
        {
            while (!slot.Done)
            {
                // A stop leaves unclaimed items undone; the consumer must not wait for them.
                _stop.Token.ThrowIfCancellationRequested();
                Monitor.Wait(_gate);
            }
        }

        var result = slot.Result;
        var error = slot.Error;
        slot = default;
        _window!.Release();
        if (error is not null)
        {
            error.Throw();
        }

        return result!;
    }

    /// <summary>Stops the workers (cancelling what they prepare) and waits for them.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        try
        {
            Task.WaitAll(_workers);
        }
        catch (AggregateException)
        {
            // Workers catch their own errors; a cancelled wait is all that can surface here.
        }

        _wakeOnStop.Dispose();
        _window?.Dispose();
        _stop.Dispose();
    }

    private void WakeConsumer()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    private void Work()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                _window!.Wait(token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var index = Interlocked.Increment(ref _next);
            if (index >= _slots.Length)
            {
                return;
            }

            T? result = null;
            ExceptionDispatchInfo? error = null;
            try
            {
                result = _prepare(index, token);
            }
#pragma warning disable CA1031 // Handed to the consumer, which rethrows it in order.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                error = ExceptionDispatchInfo.Capture(ex);
            }

            lock (_gate)
            {
                _slots[index] = new Slot(true, result, error);
                Monitor.PulseAll(_gate);
            }
        }
    }

    private record struct Slot(bool Done, T? Result, ExceptionDispatchInfo? Error);
}
