using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>The reader pool stays within its bound however many searches run at once (memory must not grow with clients).</summary>
public sealed class ReaderPoolTests
{
    private const int ParallelSearches = 64;

    [Fact]
    public async Task Search_64ParallelSearches_NeverOpenMoreReadersThanTheBound()
    {
        using var corpus = new TestCorpus();
        for (var i = 0; i < 20; i++)
        {
            corpus.WriteMarkdown($"d{i}.md", $"Dokument {i}", $"Våld i nära relationer och skolan nummer {i}. Kvinnojouren tar emot samtal.");
        }

        corpus.Sync();
        var store = corpus.Index.Store;
        var peak = 0;
        using var done = new ManualResetEventSlim();
        var watcher = Task.Run(() =>
        {
            while (!done.IsSet)
            {
                peak = Math.Max(peak, store.OpenReaders);
                Thread.Yield();
            }
        });

        var totals = new int[ParallelSearches];
        Parallel.For(0, ParallelSearches, new ParallelOptions { MaxDegreeOfParallelism = ParallelSearches }, i =>
        {
            totals[i] = i % 2 == 0 ? corpus.Search("våld skolan").Total : corpus.Index.Search.Suggest("kvinno").Count;
        });
        done.Set();
        await watcher;

        Assert.All(totals.Where((_, i) => i % 2 == 0), total => Assert.Equal(20, total));
        Assert.All(totals.Where((_, i) => i % 2 == 1), count => Assert.True(count > 0));
        Assert.Equal(IndexStore.DefaultMaxReaders, store.MaxReaders);
        Assert.InRange(Math.Max(peak, store.OpenReaders), 1, store.MaxReaders);
    }

    [Fact]
    public void Rent_MoreCallersThanReaders_WaitForAFreeReaderInsteadOfOpeningMore()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour och våld.");
        corpus.Sync();
        corpus.Reopen();
        using var store = IndexStore.Open(corpus.IndexPath, maxReaders: 2);
        var rentedNow = 0;
        var rentedPeak = 0;
        var generations = new long[ParallelSearches];

        Parallel.For(0, ParallelSearches, new ParallelOptions { MaxDegreeOfParallelism = ParallelSearches }, i =>
        {
            var session = store.Rent();
            try
            {
                var now = Interlocked.Increment(ref rentedNow);
                InterlockedMax(ref rentedPeak, now);
                Thread.Sleep(2);
                generations[i] = session.ReadGeneration();
                Interlocked.Decrement(ref rentedNow);
            }
            finally
            {
                store.Return(session);
            }
        });

        Assert.All(generations, g => Assert.True(g > 0));
        Assert.InRange(rentedPeak, 1, 2);
        Assert.InRange(store.OpenReaders, 1, 2);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
