using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Writes document blocks into the index on up to <c>threads</c> threads while the sync's thread goes on;
/// <see cref="Drain"/> waits until every write handed over is in the writer.</summary>
/// <remarks>
/// Inverting a block (Lucene's <c>AddDocuments</c>) is most of a document's indexing time, and the one
/// <see cref="Lucene.Net.Index.IndexWriter"/> takes blocks from several threads at once (an in-memory segment per
/// thread), so on one writing thread a bulk build could use one core only. Ids, ledger entries and changes stay on the
/// sync's thread in corpus order; <see cref="IndexBatch"/> drains before every commit, refresh, merge and delete, so a
/// commit never holds a ledger entry without its document or the other way round. Used for bulk changes only: the
/// blocks' order inside the index may differ between runs, which nothing reads (ties in ranking go to the lower id).
/// </remarks>
internal sealed class ParallelBlockWrites : IDisposable
{
    private readonly BlockingCollection<Action> _queue;
    private readonly Thread[] _workers;
    private readonly object _gate = new();
    private int _pending;
    private ExceptionDispatchInfo? _error;
    private bool _disposed;

    /// <summary>Starts <paramref name="threads"/> writing threads (their own, not the pool's: the pool's threads are
    /// busy preparing documents and would make a write wait for the pool to grow).</summary>
    public ParallelBlockWrites(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);

        // Bounded: a block waiting here holds a whole analysed document.
        _queue = new BlockingCollection<Action>(threads);
        _workers = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = "kunskapsbank-block-writer" };
            _workers[i].Start();
        }
    }

    /// <summary>Hands <paramref name="write"/> to a writing thread (waiting while all are busy and the queue is full).
    /// Rethrows what an earlier write threw.</summary>
    public void Write(Action write)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfFailed();
        lock (_gate)
        {
            _pending++;
        }

        _queue.Add(write);
    }

    /// <summary>Waits for every write handed over; rethrows the first failure.</summary>
    public void Drain()
    {
        WaitForAll();
        ThrowIfFailed();
    }

    /// <summary>Waits for the writes handed over (a failed sync rolls back only after them) and ends the threads,
    /// without rethrowing.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        WaitForAll();
        _queue.CompleteAdding();
        foreach (var worker in _workers)
        {
            worker.Join();
        }

        _queue.Dispose();
    }

    private void Work()
    {
        foreach (var write in _queue.GetConsumingEnumerable())
        {
            try
            {
                write();
            }
#pragma warning disable CA1031 // Handed to the sync's thread, which rethrows it at its next write or drain.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                lock (_gate)
                {
                    _error ??= ExceptionDispatchInfo.Capture(ex);
                }
            }
            finally
            {
                lock (_gate)
                {
                    if (--_pending == 0)
                    {
                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }
    }

    private void WaitForAll()
    {
        lock (_gate)
        {
            while (_pending > 0)
            {
                Monitor.Wait(_gate);
            }
        }
    }

    private void ThrowIfFailed()
    {
        ExceptionDispatchInfo? error;
        lock (_gate)
        {
            error = _error;
            _error = null;
        }

        error?.Throw();
    }
}
