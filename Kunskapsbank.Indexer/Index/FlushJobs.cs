using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Runs one segment flush's jobs in the order they were posted: on a thread of their own beside the flushing
/// thread, or at once on the flushing thread (<see cref="Inline"/>).</summary>
/// <remarks>A job that throws stops the rest; the flushing thread gets its exception at its next <see cref="Post"/> or at
/// <see cref="Complete"/>. The queue holds a few jobs, so a fast flushing thread waits instead of piling up postings.</remarks>
internal sealed class FlushJobs : IDisposable
{
    private const int Capacity = 4;

    private readonly BlockingCollection<Action>? _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread? _worker;
    private volatile Exception? _failure;

    private FlushJobs(bool background)
    {
        if (background)
        {
            _queue = new BlockingCollection<Action>(Capacity);
            _worker = new Thread(Work) { IsBackground = true, Name = "Kunskapsbank flush" };
            _worker.Start();
        }
    }

    /// <summary>Jobs run by the posting thread itself, as they are posted.</summary>
    public static FlushJobs Inline() => new(background: false);

    /// <summary>Jobs run on a thread of their own.</summary>
    public static FlushJobs Background() => new(background: true);

    /// <summary>Runs <paramref name="job"/> after the jobs posted before it; rethrows the failure of an earlier job.</summary>
    public void Post(Action job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (_queue is null)
        {
            job();
            return;
        }

        try
        {
            _queue.Add(job, _stop.Token);
        }
        catch (OperationCanceledException) when (_failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Waits for every posted job; rethrows the first failure.</summary>
    public void Complete()
    {
        if (_queue is null)
        {
            return;
        }

        _queue.CompleteAdding();
        _worker!.Join();
        if (_failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Drops the jobs not yet run and waits for the one running, so that nothing writes after this returns.</summary>
    public void Dispose()
    {
        if (_queue is not null && !_queue.IsAddingCompleted)
        {
            _stop.Cancel();
            _queue.CompleteAdding();
            _worker!.Join();
        }

        _queue?.Dispose();
        _stop.Dispose();
    }

    private void Work()
    {
        try
        {
            foreach (var job in _queue!.GetConsumingEnumerable(_stop.Token))
            {
                job();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Abandoned by the flushing thread.
        }
        catch (Exception ex)
        {
            // Handed to the flushing thread, which closes the segment's files after this thread has stopped.
            _failure = ex;
            _stop.Cancel();
        }
    }
}
