using Kunskapsbank.Stress.Corpora;
using Kunskapsbank.Stress.Hosting;

namespace Kunskapsbank.Stress.Tests;

/// <summary>A small generated corpus indexed by the CLI and served by the real service on 127.0.0.1.</summary>
public sealed class RunningServiceFixture : IAsyncLifetime
{
    private readonly ScratchFolder _scratch = new("tjanst");

    public ServiceProcess Service { get; private set; } = null!;

    public string Corpus { get; private set; } = null!;

    public string Staging => _scratch.Sub("mellanlager");

    public async Task InitializeAsync()
    {
        Corpus = _scratch.Sub("corpus");
        var index = Path.Combine(_scratch.Path, "index");
        MarkdownDocument.WriteCorpus(Corpus, 60, new MarkerWords(3));
        var run = await new IndexerCli(_scratch.Layout, _scratch.Guard, _scratch.Path).RunIndexAsync(Corpus, index, TimeSpan.FromMinutes(2));
        Assert.Equal(0, run.ExitCode);
        var environment = new Dictionary<string, string>
        {
            ["Kunskapsbank__RateLimit__PermitLimit"] = "1000000",

            // The bucket's size, not only its refill: the service now answers more than the default 600 a second.
            ["Kunskapsbank__RateLimit__Burst"] = "1000000",
        };
        Service = await ServiceProcess.StartAsync(_scratch.Layout, _scratch.Guard, Corpus, index, _scratch.Path, environment, TimeSpan.FromMinutes(2));
        using var client = Service.CreateClient(TimeSpan.FromSeconds(10));
        await ServiceQueries.WaitForSettledReportAsync(client, Service.AdminKey, TimeSpan.FromMinutes(1), CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Service?.Dispose();
        _scratch.Dispose();
        return Task.CompletedTask;
    }
}
