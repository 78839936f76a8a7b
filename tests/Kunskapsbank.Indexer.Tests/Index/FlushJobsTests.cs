using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>The jobs of a flush run in order on a thread of their own, and a failure there reaches the flushing thread.</summary>
public sealed class FlushJobsTests
{
    [Fact]
    public void Background_jobs_run_in_the_order_they_were_posted_on_another_thread()
    {
        var done = new List<int>();
        var threads = new HashSet<int>();
        using (var jobs = FlushJobs.Background())
        {
            for (var i = 0; i < 1_000; i++)
            {
                var n = i;
                jobs.Post(() =>
                {
                    done.Add(n);
                    threads.Add(Environment.CurrentManagedThreadId);
                });
            }

            jobs.Complete();
        }

        Assert.Equal(Enumerable.Range(0, 1_000), done);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, threads);
    }

    [Fact]
    public void Inline_jobs_run_at_once_on_the_posting_thread()
    {
        using var jobs = FlushJobs.Inline();
        var ranOn = -1;
        jobs.Post(() => ranOn = Environment.CurrentManagedThreadId);
        Assert.Equal(Environment.CurrentManagedThreadId, ranOn);
        jobs.Complete();
    }

    [Fact]
    public void A_failing_job_reaches_the_posting_thread_and_the_jobs_after_it_do_not_run()
    {
        var after = 0;
        using var jobs = FlushJobs.Background();
        jobs.Post(() => throw new IOException("disken är full"));
        var failure = Assert.Throws<IOException>(() =>
        {
            // Posting keeps going until the failure is seen; at the latest, Complete reports it.
            for (var i = 0; i < 100_000; i++)
            {
                jobs.Post(() => Interlocked.Increment(ref after));
            }

            jobs.Complete();
        });
        Assert.Equal("disken är full", failure.Message);
        Assert.Equal(0, Volatile.Read(ref after));
    }

    [Fact]
    public void Disposing_without_completing_waits_for_the_running_job_and_drops_the_rest()
    {
        using var running = new ManualResetEventSlim();
        var finished = 0;
        var dropped = 0;
        var jobs = FlushJobs.Background();
        jobs.Post(() =>
        {
            running.Set();
            Thread.Sleep(100);
            Interlocked.Increment(ref finished);
        });
        jobs.Post(() => Interlocked.Increment(ref dropped));
        running.Wait();

        jobs.Dispose();

        Assert.Equal(1, Volatile.Read(ref finished));
        Assert.Equal(0, Volatile.Read(ref dropped));
    }
}
