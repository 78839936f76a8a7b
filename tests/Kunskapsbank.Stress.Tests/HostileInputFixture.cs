using Kunskapsbank.Stress.Corpora;
using Kunskapsbank.Stress.Hostile;
using Kunskapsbank.Stress.Hosting;

namespace Kunskapsbank.Stress.Tests;

/// <summary>Runs the hostile-input check once (problematic files, zip bomb, nested XML, odd names; 500 adversarial requests).</summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    private readonly ScratchFolder _scratch = new("fientligt");

    public HostileFilesResult Files { get; private set; } = null!;

    public AdversarialResult Requests { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var check = new HostileInputCheck(_scratch.Layout, _scratch.Guard, new IndexerCli(_scratch.Layout, _scratch.Guard, _scratch.Path), _scratch.Path, TextWriter.Null);
        var options = new HostileOptions(
            ScratchFolder.Data("problematic"),
            ScratchFolder.Data("good"),
            new HostileCorpusOptions(ZipBombBytes: 300L * 1024 * 1024, LargeTextBytes: 0, NestingDepth: 100_000, GoodDocuments: 8),
            Requests: 500,
            Concurrency: 4,
            Seed: 11);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        (Files, Requests) = await check.RunAsync(options, timeout.Token);
    }

    public Task DisposeAsync()
    {
        _scratch.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class HostileInputTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    [Fact]
    public void Index_run_over_hostile_files_completes_with_exit_code_zero()
    {
        Assert.Equal(0, fixture.Files.IndexExitCode);
    }

    [Fact]
    public void No_good_document_is_lost_among_hostile_files()
    {
        var lost = fixture.Files.Files.Where(f => f.File.Expectation == Expectation.MustIndex && !f.AsExpected);
        Assert.True(fixture.Files.GoodLost == 0, "Förlorade: " + string.Join(", ", lost.Select(f => $"{f.File.RelativePath} ({f.Outcome} {f.Reason})")));
    }

    [Fact]
    public void Every_bad_file_is_reported_with_a_reason()
    {
        var silent = fixture.Files.Files.Where(f => f.File.Expectation != Expectation.MustIndex && !f.AsExpected);
        Assert.True(fixture.Files.BadNotReported == 0 && fixture.Files.Unaccounted == 0, "Inte rapporterade: " + string.Join(", ", silent.Select(f => $"{f.File.RelativePath} ({f.Outcome})")));
        Assert.Contains(fixture.Files.Files, f => f.File.RelativePath.EndsWith("zipbomb.docx", StringComparison.Ordinal) && f.Outcome == "misslyckad");
    }

    [Fact]
    public void Adversarial_requests_get_no_5xx_and_leak_nothing()
    {
        var summary = string.Join("\n", fixture.Requests.Samples);
        Assert.Equal(500, fixture.Requests.Requests);
        Assert.True(fixture.Requests.ServerErrors == 0, "5xx:\n" + summary);
        Assert.True(fixture.Requests.Leaks == 0, "Läckor:\n" + summary);
        Assert.True(fixture.Requests.NoResponse == 0, "Utan svar:\n" + summary);
        Assert.True(fixture.Requests.AliveAfterwards, "Tjänsten svarar inte efter de fientliga anropen.");
    }
}
