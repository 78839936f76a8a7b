using Kunskapsbank.Api.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Kunskapsbank.Api.Tests.Hosting;

public class OptionsTests
{
    [Fact]
    public void Default_paths_point_at_the_repository_corpus_and_data_folders()
    {
        var options = new KunskapsbankOptions();
        new KunskapsbankOptionsSetup(new FakeEnvironment("/repo/Kunskapsbank.Api")).PostConfigure(null, options);

        Assert.Equal("/repo/corpus", options.CorpusPath);
        Assert.Equal("/repo/data/index", options.IndexPath);
        Assert.Equal("/repo/data/kunskapsluckor.sqlite", options.Gaps.StorePath);
    }

    [Fact]
    public void A_missing_corpus_folder_and_bad_numbers_are_reported_in_swedish()
    {
        var options = new KunskapsbankOptions
        {
            CorpusPath = "/finns/inte/" + Guid.NewGuid(),
            IndexPath = "/tmp/index",
            AdminApiKey = "kort",
        };
        options.RateLimit.PermitLimit = 0;

        var result = new KunskapsbankOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Dokumentmappen finns inte", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("AdminApiKey är för kort", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("PermitLimit måste vara mellan", StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_valid_for_an_existing_corpus()
    {
        var options = new KunskapsbankOptions { CorpusPath = Path.GetTempPath(), IndexPath = Path.Combine(Path.GetTempPath(), "x-index") };
        Assert.True(new KunskapsbankOptionsValidator().Validate(null, options).Succeeded);
    }

    private sealed class FakeEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "Kunskapsbank.Api";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
