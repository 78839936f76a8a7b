using Kunskapsbank.Indexer.Corpus;

namespace Kunskapsbank.Indexer.Tests.Corpus;

public sealed class PreparedInOrderTests
{
    [Fact]
    public void Take_GivesEveryResultInOrderWhicheverWorkerFinishesFirst()
    {
        const int count = 40;
        using var prepared = new PreparedInOrder<string>(count, 2, (i, _) =>
        {
            // Odd items take longer, so the workers finish out of order.
            Thread.Sleep(i % 2 == 1 ? 3 : 0);
            return $"dokument {i}";
        }, CancellationToken.None);

        var taken = Enumerable.Range(0, count).Select(prepared.Take).ToList();

        Assert.Equal(Enumerable.Range(0, count).Select(i => $"dokument {i}"), taken);
    }

    [Fact]
    public void ALongRun_PreparesOnThreadsOfItsOwn_LeavingTheThreadPoolToRequests()
    {
        var onPool = Prepare(ICorpusIndexer.LongRunFiles);

        Assert.All(onPool, Assert.False);
    }

    [Fact]
    public void AShortRun_PreparesOnTheThreadPool_WhereItsAnalysisChainsAreReused()
    {
        var onPool = Prepare(8);

        Assert.All(onPool, Assert.True);
    }

    [Fact]
    public void Take_RethrowsWhatAPreparationThrew_AtItsOwnItem()
    {
        using var prepared = new PreparedInOrder<string>(4, 2, (i, _) =>
            i == 2 ? throw new InvalidOperationException("trasig") : $"dokument {i}", CancellationToken.None);

        Assert.Equal("dokument 0", prepared.Take(0));
        Assert.Equal("dokument 1", prepared.Take(1));
        Assert.Equal("trasig", Assert.Throws<InvalidOperationException>(() => prepared.Take(2)).Message);
        Assert.Equal("dokument 3", prepared.Take(3));
    }

    // Whether each item was prepared on a thread-pool thread, for a run of `count` items on two workers.
    private static List<bool> Prepare(int count)
    {
        using var prepared = new PreparedInOrder<string>(count, 2, (i, _) => Thread.CurrentThread.IsThreadPoolThread ? "pool" : "own", CancellationToken.None);
        return [.. Enumerable.Range(0, count).Select(i => prepared.Take(i) == "pool")];
    }
}
