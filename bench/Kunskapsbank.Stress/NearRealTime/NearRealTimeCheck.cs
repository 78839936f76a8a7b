using System.Diagnostics;
using Kunskapsbank.Stress.Corpora;
using Kunskapsbank.Stress.Hosting;
using Kunskapsbank.Stress.Reporting;

namespace Kunskapsbank.Stress.NearRealTime;

/// <summary>How the near-real-time check runs.</summary>
/// <param name="SlowEvery">Every n-th file is written slowly in chunks straight into the corpus; the rest are renamed in.</param>
public sealed record NrtOptions(int Files, int SlowEvery, TimeSpan PollInterval, TimeSpan Timeout, int Seed);

/// <summary>One file: how it was written and when it became searchable.</summary>
/// <param name="Milliseconds">From the write completing to the first search that found it; null when it never did.</param>
public sealed record NrtSample(string RelativePath, string Mode, double? Milliseconds);

/// <summary>The near-real-time figures.</summary>
public sealed record NrtResult(IReadOnlyList<NrtSample> Samples)
{
    /// <summary>Files never found within the timeout.</summary>
    public int NotFound => Samples.Count(s => s.Milliseconds is null);

    /// <summary>Median and max over the found files (ms).</summary>
    public Percentiles Latency => Percentiles.Of(Samples.Where(s => s.Milliseconds is not null).Select(s => s.Milliseconds!.Value).ToList());

    /// <summary>The slowest found file and its place in the order of writing (1-based), or null when none was found.</summary>
    public (NrtSample Sample, int Place)? Slowest => Samples
        .Select((sample, index) => (Sample: sample, Place: index + 1))
        .Where(s => s.Sample.Milliseconds is not null)
        .OrderByDescending(s => s.Sample.Milliseconds)
        .Select(s => ((NrtSample, int)?)s)
        .FirstOrDefault();

    /// <summary>The table.</summary>
    public TextTable ToTable()
    {
        // Which file was slowest tells a one-off (the first file after a start) from a steady cost.
        var slowest = Slowest is var (sample, place) ? $"; långsammast {sample.RelativePath} (fil {place} av {Samples.Count})" : string.Empty;
        var table = new TextTable($"Nära realtid: {Samples.Count} filer skrivna i corpus, tid tills sökbar (mål ≤ 1000 ms){slowest}", "skrivsätt", "filer", "median ms", "max ms", "ej hittade");
        foreach (var group in Samples.GroupBy(s => s.Mode))
        {
            var found = Percentiles.Of(group.Where(s => s.Milliseconds is not null).Select(s => s.Milliseconds!.Value).ToList());
            table.Row(group.Key, group.Count(), found.P50Ms, found.MaxMs, group.Count(s => s.Milliseconds is null));
        }

        table.Row("alla", Samples.Count, Latency.P50Ms, Latency.MaxMs, NotFound);
        return table;
    }

    /// <summary>The figures as a JSON-ready object.</summary>
    public object ToFigures() => new { files = Samples.Count, median_ms = Latency.P50Ms, max_ms = Latency.MaxMs, not_found = NotFound, slowest_place = Slowest?.Place };
}

/// <summary>Writes files into the watched corpus and measures how long until each is searchable.</summary>
/// <remarks>A file is "completely written" when it was renamed into place or when its writer closed it. The unique
/// nonsense word sits in the last part of the file, so a half-written file that got indexed early does not count.</remarks>
/// <param name="folderName">The corpus sub-folder the files go to (a second run uses another, so it adds files).</param>
public sealed class NearRealTimeCheck(HttpClient client, string corpus, string stagingDirectory, string folderName = "nara-realtid")
{
    /// <summary>Runs the check, one file at a time.</summary>
    public async Task<NrtResult> RunAsync(NrtOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var markers = new MarkerWords(options.Seed + 31);
        var folder = Path.Combine(corpus, folderName);
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(stagingDirectory);
        await Task.Delay(1500, cancellationToken); // let the watcher see the new folder before the clock starts
        var samples = new List<NrtSample>();
        for (var i = 0; i < options.Files; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var marker = markers.Next();
            var name = $"nrt-{i:D3}.md";
            var relative = folderName + "/" + name;
            var content = MarkdownDocument.Create(20_000 + i, marker);
            var slow = options.SlowEvery > 0 && i % options.SlowEvery == options.SlowEvery - 1;
            if (slow)
            {
                await WriteSlowlyAsync(Path.Combine(folder, name), content, cancellationToken);
            }
            else
            {
                var staged = Path.Combine(stagingDirectory, name);
                await File.WriteAllTextAsync(staged, content, cancellationToken);
                File.Move(staged, Path.Combine(folder, name));
            }

            var written = Stopwatch.StartNew();
            double? found = null;
            while (written.Elapsed < options.Timeout)
            {
                if (await ServiceQueries.IsFindableAsync(client, marker, relative))
                {
                    found = Math.Round(written.Elapsed.TotalMilliseconds, 1);
                    break;
                }

                await Task.Delay(options.PollInterval, cancellationToken);
            }

            samples.Add(new NrtSample(relative, slow ? "långsamt i delar" : "byter namn in", found));
        }

        return new NrtResult(samples);
    }

    private static async Task WriteSlowlyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);
        var chunk = (bytes.Length / 4) + 1;
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            if (offset + chunk < bytes.Length)
            {
                await Task.Delay(150, cancellationToken);
            }
        }
    }
}
