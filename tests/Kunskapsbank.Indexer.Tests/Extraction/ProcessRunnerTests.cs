using System.Diagnostics;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Extraction.Pdf;

namespace Kunskapsbank.Indexer.Tests.Extraction;

public class ProcessRunnerTests
{
    /// <summary>How long the sleeping child would run if nobody stopped it. The kill tests assert the run ended
    /// before that: the time limit (or cancellation) plus a margin of minutes, which no machine's slowness eats up
    /// while a missing kill always shows.</summary>
    internal static readonly TimeSpan Unstopped = TimeSpan.FromSeconds(120);

    private readonly ProcessRunner _runner = new();

    [Fact]
    public void Process_over_its_time_limit_is_killed_and_reported()
    {
        var clock = Stopwatch.StartNew();
        var outcome = _runner.Run("sleep", [Seconds(Unstopped)], TimeSpan.FromMilliseconds(300), 1000, CancellationToken.None);
        Assert.True(outcome.TimedOut);
        Assert.True(clock.Elapsed < Unstopped, clock.Elapsed.ToString());
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

    [Theory]
    [InlineData(null)]
    [InlineData(256L * 1024 * 1024)]
    public void Low_priority_tool_runs_at_the_lowest_cpu_priority_and_keeps_its_arguments(long? maxMemoryBytes)
    {
        // `nice` without a command prints the niceness it runs at; the runner starts it under nice -n 19.
        var niceness = _runner.Run("nice", [], TimeSpan.FromSeconds(20), 1000, CancellationToken.None, maxMemoryBytes, lowPriority: true);
        var echo = _runner.Run("printf", ["%s", "a b å"], TimeSpan.FromSeconds(20), 1000, CancellationToken.None, maxMemoryBytes, lowPriority: true);

        Assert.Equal("19", niceness.StandardOutput.Trim());
        Assert.Equal("a b å", echo.StandardOutput);
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
        Assert.Throws<OperationCanceledException>(() => _runner.Run("sleep", [Seconds(Unstopped)], Unstopped * 2, 1000, cancellation.Token));
        Assert.True(clock.Elapsed < Unstopped, clock.Elapsed.ToString());
    }

    internal static string Seconds(TimeSpan span) => ((int)span.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The memory limit (ulimit -v through /bin/sh exec) on real tools.</summary>
public class ProcessMemoryLimitTests
{
    private readonly ProcessRunner _runner = new();

    [Fact]
    public void Process_under_a_memory_limit_it_cannot_meet_is_reported_as_out_of_memory()
    {
        var outcome = _runner.Run("pdftotext", ["-v"], TimeSpan.FromSeconds(20), 1000, CancellationToken.None, maxMemoryBytes: 4L * 1024 * 1024);

        Assert.True(outcome.OutOfMemory, outcome.StandardError);
        Assert.NotEqual(0, outcome.ExitCode);
    }

    [Fact]
    public void Process_within_its_memory_limit_runs_normally_and_keeps_its_arguments()
    {
        const string awkward = "a b \"c\" 'd' $HOME; å ä ö";
        var outcome = _runner.Run("printf", ["%s", awkward], TimeSpan.FromSeconds(20), 1000, CancellationToken.None, maxMemoryBytes: 512L * 1024 * 1024);

        Assert.Equal((0, awkward, false), (outcome.ExitCode, outcome.StandardOutput, outcome.OutOfMemory));
    }

    [Fact]
    public void Process_under_a_memory_limit_is_still_killed_at_its_time_limit()
    {
        var clock = Stopwatch.StartNew();
        var outcome = _runner.Run("sleep", [ProcessRunnerTests.Seconds(ProcessRunnerTests.Unstopped)], TimeSpan.FromMilliseconds(300), 1000, CancellationToken.None, maxMemoryBytes: 256L * 1024 * 1024);

        Assert.True(outcome.TimedOut);
        Assert.True(clock.Elapsed < ProcessRunnerTests.Unstopped, clock.Elapsed.ToString());
    }

    [Fact]
    public void Missing_tool_under_a_memory_limit_is_reported_as_not_installed() =>
        Assert.Throws<System.ComponentModel.Win32Exception>(() => _runner.Run("finns-inte-verktyg", [], TimeSpan.FromSeconds(5), 1000, CancellationToken.None, maxMemoryBytes: 1L << 30));

    [Fact]
    public void Pdf_whose_tools_exceed_the_memory_limit_gets_a_swedish_reason_not_a_crash()
    {
        var limits = TestDocuments.Limits with { MaxToolMemoryBytes = 4L * 1024 * 1024 };

        var result = new PdfExtractor(_runner).Extract(TestDocuments.PathOf("generated/rutin-hedersrelaterat-vald.pdf"), limits, CancellationToken.None);

        Assert.Equal(ExtractionFailureKind.TooLarge, result.Failure?.Kind);
        Assert.Equal("PDF-filen krävde mer minne än gränsen (4 MB) när den lästes och hoppades över.", result.Failure!.Message);
    }

    [Fact]
    public void Streamed_output_reaches_the_reader_and_an_early_stop_ends_the_tool()
    {
        var lines = 0;
        var outcome = _runner.Stream("yes", ["våld"], TimeSpan.FromSeconds(20), reader =>
        {
            while (lines < 1000 && reader.ReadLine() == "våld")
            {
                lines++;
            }
        }, CancellationToken.None);

        Assert.Equal(1000, lines);
        Assert.True(outcome.OutputCapped);
        Assert.False(outcome.TimedOut);
    }
}
