using System.Diagnostics;
using Kunskapsbank.Indexer.Extraction.Pdf;

namespace Kunskapsbank.Indexer.Tests.Extraction;

public class ProcessRunnerTests
{
    private readonly ProcessRunner _runner = new();

    [Fact]
    public void Process_over_its_time_limit_is_killed_and_reported()
    {
        var clock = Stopwatch.StartNew();
        var outcome = _runner.Run("sleep", ["30"], TimeSpan.FromMilliseconds(300), 1000, CancellationToken.None);
        Assert.True(outcome.TimedOut);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
    }

    [Fact]
    public void Process_output_over_the_cap_is_cut_and_the_process_stopped()
    {
        var outcome = _runner.Run("yes", ["våld"], TimeSpan.FromSeconds(20), 10_000, CancellationToken.None);
        Assert.True(outcome.OutputCapped);
        Assert.False(outcome.TimedOut);
        Assert.Equal(10_000, outcome.StandardOutput.Length);
    }

    [Fact]
    public void Process_arguments_reach_the_tool_unchanged()
    {
        const string awkward = "a b \"c\" 'd' $HOME; å ä ö 👩🏽‍🚒 a\u030A";
        var outcome = _runner.Run("printf", ["%s", awkward], TimeSpan.FromSeconds(20), 1000, CancellationToken.None);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(awkward, outcome.StandardOutput);
    }

    [Fact]
    public void Process_error_output_is_captured()
    {
        var outcome = _runner.Run("pdfinfo", ["/finns/inte.pdf"], TimeSpan.FromSeconds(20), 1000, CancellationToken.None);
        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("inte.pdf", outcome.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_is_killed_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        Assert.Throws<OperationCanceledException>(() => _runner.Run("sleep", ["30"], TimeSpan.FromSeconds(30), 1000, cancellation.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
    }
}
