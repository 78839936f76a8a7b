using Kunskapsbank.Stress.Crash;
using Kunskapsbank.Stress.Hosting;

namespace Kunskapsbank.Stress.Tests;

public sealed class CrashSafetyTests : IDisposable
{
    private readonly ScratchFolder _scratch = new("krasch");

    [Fact]
    public async Task Indexer_killed_mid_run_leaves_a_consistent_index_that_the_next_run_completes()
    {
        var cli = new IndexerCli(_scratch.Layout, _scratch.Guard, _scratch.Path);
        var check = new CrashSafetyCheck(cli, _scratch.Path, TextWriter.Null);
        var queries = new[] { "våld", "\"hedersrelaterat våld\"", "riskbedömning", "stöd skydd", "könsstympning OR tvångsäktenskap" };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var result = await check.RunAsync(new CrashOptions(null, 300, 2, 7, queries, TimeSpan.FromMinutes(2)), timeout.Token);

        Assert.True(result.Kills >= 1, "Ingen körning hann dödas: " + result.ToTable());
        Assert.All(result.Iterations, i => Assert.True(i.AfterKill.Consistent, string.Join("; ", i.AfterKill.Problems)));
        Assert.All(result.Iterations, i => Assert.Equal(0, i.ResumeExitCode));
        Assert.All(result.Iterations, i => Assert.True(i.AfterResume.Consistent, string.Join("; ", i.AfterResume.Problems)));
        Assert.All(result.Iterations, i => Assert.True(i.SameDocuments && i.SameTotals == i.Queries, i.Difference));

        // Every recovered index ranks and scores exactly as a clean build of the same files, fresh or incremental: the
        // engine's statistics count only live documents.
        Assert.All(result.Iterations, i => Assert.True(i.SameAnswers == i.Queries && i.ScoreDrift == 0, i.Difference ?? $"{i.ScoreDrift} frågor med andra poäng"));
        Assert.True(result.IncrementalEqualsClean && result.IncrementalScoreDrift == 0, "A→B inkrementellt skiljer sig från en ren körning av B");
    }

    public void Dispose() => _scratch.Dispose();
}
