using Kunskapsbank.Stress.Corpora;
using Kunskapsbank.Stress.Hosting;
using Kunskapsbank.Stress.Load;
using Kunskapsbank.Stress.NearRealTime;

namespace Kunskapsbank.Stress.Tests;

public sealed class ServiceUnderStressTests(RunningServiceFixture fixture) : IClassFixture<RunningServiceFixture>
{
    [Fact]
    public async Task Short_load_run_answers_every_request_without_errors()
    {
        var queries = BenchQuery.ReadFile(ScratchFolder.Data("queries.txt"));
        using var client = fixture.Service.CreateClient(TimeSpan.FromSeconds(10));
        var generator = new LoadGenerator(client, queries, new DocumentIdPool());

        var result = await generator.RunAsync("kort last", new LoadOptions(8, TimeSpan.FromSeconds(3), 5, MinimumPerClient: 3), CancellationToken.None);

        var errors = string.Join("\n", result.ErrorSamples);
        Assert.True(result.Errors == 0, $"{result.Errors} fel:\n{errors}");
        Assert.True(result.RateLimited == 0, $"{result.RateLimited} svar 429 trots höjd gräns.");
        Assert.All(
            result.Kinds.Where(k => k.Kind is RequestKind.Search or RequestKind.Suggest or RequestKind.Document),
            k => Assert.True(k.Requests > 0, $"Inga anrop av typen {k.Kind}."));
    }

    [Fact]
    public async Task Short_load_during_a_full_reindex_answers_every_request_without_errors()
    {
        var queries = BenchQuery.ReadFile(ScratchFolder.Data("queries.txt"));
        using var client = fixture.Service.CreateClient(TimeSpan.FromSeconds(10));
        using var probeClient = fixture.Service.CreateClient(TimeSpan.FromSeconds(30));
        var before = await ReadyState.WaitForIdleAsync(probeClient, TimeSpan.FromMinutes(1), CancellationToken.None);
        var changed = CorpusFolder.ChangeEveryFile(fixture.Corpus);
        var generator = new LoadGenerator(client, queries, new DocumentIdPool());

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var probe = new ReindexProbe(probeClient, fixture.Service.AdminKey).TriggerAndFollowAsync(changed, stop.Token);
        var result = await generator.RunAsync("kort last under omindexering", new LoadOptions(8, TimeSpan.FromSeconds(4), 6, MinimumPerClient: 3), CancellationToken.None);
        var observation = await probe;
        var after = await ReadyState.WaitForIdleAsync(probeClient, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(202, observation.TriggerStatus);
        Assert.True(result.Errors == 0, $"{result.Errors} fel:\n{string.Join("\n", result.ErrorSamples)}");
        Assert.True(after.TotalIndexed - before.TotalIndexed >= changed, $"Bara {after.TotalIndexed - before.TotalIndexed} av {changed} ändrade dokument omindexerades.");
    }

    [Fact]
    public async Task Files_written_into_the_corpus_become_searchable()
    {
        using var client = fixture.Service.CreateClient(TimeSpan.FromSeconds(10));
        var check = new NearRealTimeCheck(client, fixture.Corpus, fixture.Staging);

        // The bound is generous on purpose: the ≤ 1 s figure is measured by the benchmark, not asserted here.
        var result = await check.RunAsync(new NrtOptions(5, 3, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(10), 9), CancellationToken.None);

        Assert.Equal(5, result.Samples.Count);
        Assert.True(result.NotFound == 0, "Aldrig sökbara: " + string.Join(", ", result.Samples.Where(s => s.Milliseconds is null).Select(s => s.RelativePath)));
    }
}
