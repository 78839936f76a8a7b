using System.Text.Json;

namespace Kunskapsbank.Stress.Hosting;

/// <summary>Runs the `kunskapsbank` CLI as a child process (index and search), the way editors and scripts do.</summary>
public sealed class IndexerCli(SolutionLayout layout, ChildProcessGuard guard, string logDirectory)
{
    private int _runs;

    /// <summary>Starts `kunskapsbank index &lt;corpus&gt; --index &lt;folder&gt;` and returns at once (to be killed or awaited).</summary>
    public ChildProcess StartIndex(string corpus, string index)
    {
        var log = Path.Combine(logDirectory, $"index-{Interlocked.Increment(ref _runs):D3}.log");
        return ChildProcess.StartDotnet(
            guard,
            layout.IndexerDll,
            ["index", corpus, "--index", index],
            new Dictionary<string, string>(),
            logDirectory,
            log);
    }

    /// <summary>Runs an index run to completion (bounded by <paramref name="timeout"/>).</summary>
    public async Task<IndexRun> RunIndexAsync(string corpus, string index, TimeSpan timeout)
    {
        using var child = StartIndex(corpus, index);
        if (!await child.WaitForExitAsync(timeout))
        {
            throw new TimeoutException($"Indexeringen blev inte klar på {timeout.TotalSeconds:F0} s. Logg: {child.LogPath}");
        }

        return new IndexRun(child.ExitCode, child.Started.Elapsed, child.PeakRssMb, child.Tail, child.LogPath);
    }

    /// <summary>`kunskapsbank check --index &lt;folder&gt;`: exit code and everything it printed.</summary>
    public async Task<(int ExitCode, string Output)> CheckAsync(string index)
    {
        var log = Path.Combine(logDirectory, $"check-{Interlocked.Increment(ref _runs):D3}.log");
        using var child = ChildProcess.StartDotnet(guard, layout.IndexerDll, ["check", "--index", index], new Dictionary<string, string>(), logDirectory, log);
        if (!await child.WaitForExitAsync(TimeSpan.FromMinutes(5)))
        {
            throw new TimeoutException("kunskapsbank check blev inte klar på 5 minuter: " + index);
        }

        return (child.ExitCode, await File.ReadAllTextAsync(log));
    }

    /// <summary>`kunskapsbank search "&lt;q&gt;" --index f --json --limit n [--filter facet=value]...` parsed.</summary>
    public async Task<JsonDocument> SearchAsync(string index, string query, IEnumerable<KeyValuePair<string, string>> filters, int limit)
    {
        var args = new List<string> { "search", query, "--index", index, "--json", "--limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (facet, value) in filters)
        {
            args.Add("--filter");
            args.Add(facet + "=" + value);
        }

        var log = Path.Combine(logDirectory, $"search-{Interlocked.Increment(ref _runs):D3}.log");
        using var child = ChildProcess.StartDotnet(guard, layout.IndexerDll, args, new Dictionary<string, string>(), logDirectory, log);
        if (!await child.WaitForExitAsync(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("Sökningen via CLI tog mer än 60 s: " + query);
        }

        var output = await File.ReadAllTextAsync(log);
        var start = output.IndexOf('{', StringComparison.Ordinal);
        var end = output.LastIndexOf('}');
        if (child.ExitCode != 0 || start < 0 || end < start)
        {
            throw new InvalidOperationException($"`kunskapsbank search` gav kod {child.ExitCode} för «{query}»: {child.Tail}");
        }

        return JsonDocument.Parse(output[start..(end + 1)]);
    }
}

/// <summary>The outcome of one index run.</summary>
public sealed record IndexRun(int ExitCode, TimeSpan Elapsed, double PeakRssMb, string Tail, string LogPath);
