using System.Diagnostics;
using Kunskapsbank.Stress.Corpora;
using Kunskapsbank.Stress.Hosting;

namespace Kunskapsbank.Stress.Hostile;

/// <summary>How the hostile-input check runs.</summary>
/// <param name="ProblematicFolder">The problematic test files (copied into the corpus), or null.</param>
/// <param name="GoodOfficeFolder">Good PDF/Word files that must be indexed, or null.</param>
/// <param name="Requests">How many adversarial requests to send.</param>
public sealed record HostileOptions(string? ProblematicFolder, string? GoodOfficeFolder, HostileCorpusOptions Corpus, int Requests, int Concurrency, int Seed);

/// <summary>Indexes hostile files among good ones, then fires adversarial requests at the service running on them.</summary>
public sealed class HostileInputCheck(SolutionLayout layout, ChildProcessGuard guard, IndexerCli cli, string workDirectory, TextWriter log)
{
    /// <summary>Builds the hostile corpus, indexes it with the CLI and checks every file's outcome through the service's report.</summary>
    public async Task<(HostileFilesResult Files, AdversarialResult Requests)> RunAsync(HostileOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var corpus = Path.Combine(workDirectory, "corpus");
        var index = Path.Combine(workDirectory, "index");
        var markers = new MarkerWords(options.Seed);
        var files = HostileCorpus.Write(corpus, options.ProblematicFolder, options.GoodOfficeFolder, options.Corpus, markers);
        log.WriteLine($"  fientlig corpus: {files.Count} filer");

        var run = await cli.RunIndexAsync(corpus, index, TimeSpan.FromMinutes(10));
        log.WriteLine($"  indexering: kod {run.ExitCode}, {run.Elapsed.TotalSeconds:F1} s, topp-RSS {run.PeakRssMb:F0} MB");
        var (bombPeak, baselinePeak) = await MeasureZipBombAsync(options);

        // The limiter would answer a share of the requests with 429 before they reach the code under test.
        var environment = new Dictionary<string, string> { ["Kunskapsbank__RateLimit__PermitLimit"] = "1000000" };
        using var service = await ServiceProcess.StartAsync(layout, guard, corpus, index, workDirectory, environment, TimeSpan.FromMinutes(2));
        using var client = service.CreateClient(TimeSpan.FromSeconds(30));
        var report = await ServiceQueries.WaitForSettledReportAsync(client, service.AdminKey, TimeSpan.FromMinutes(3), cancellationToken);
        var outcomes = new List<FileOutcome>();
        foreach (var file in files)
        {
            var path = AdminReport.Nfc(file.RelativePath);
            var failure = report.Failed.FirstOrDefault(f => f.Path == path);
            var indexed = report.DocumentPaths.Contains(path);
            bool? findable = null;
            if (indexed && file.Marker is not null)
            {
                findable = await ServiceQueries.IsFindableAsync(client, file.Marker, path);
            }

            outcomes.Add(new FileOutcome(file, indexed ? "indexerad" : failure is not null ? "misslyckad" : "saknas", failure?.Kind, failure?.Reason, findable));
        }

        var filesResult = new HostileFilesResult(outcomes, run.ExitCode, run.Elapsed.TotalSeconds, run.PeakRssMb, bombPeak, baselinePeak);
        var ids = await ServiceQueries.KnownIdsAsync(client);
        var secrets = new[] { workDirectory, Path.GetFullPath(workDirectory), layout.Root, service.AdminKey, Path.GetTempPath().TrimEnd('/') + "/kb-", Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + "/" };
        var requests = await FireAsync(service, new AdversarialRequests(options.Seed, ids), new LeakDetector(secrets, corpus), options, cancellationToken);
        return (filesResult, requests);
    }

    /// <summary>Sends the adversarial requests and counts statuses, 5xx and leaks.</summary>
    public static async Task<AdversarialResult> FireAsync(ServiceProcess service, AdversarialRequests generator, LeakDetector leaks, HostileOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(leaks);
        ArgumentNullException.ThrowIfNull(options);
        var requests = Enumerable.Range(0, options.Requests).Select(_ => generator.Next()).ToArray();
        var byStatus = new Dictionary<int, int>();
        var samples = new List<string>();
        int serverErrors = 0, noResponse = 0, leakCount = 0, next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests.Length && !cancellationToken.IsCancellationRequested)
            {
                var request = requests[i];
                var response = await RawHttp.SendAsync(service.BaseAddress.Port, request, TimeSpan.FromSeconds(30));
                var leak = leaks.Inspect(request, response);
                lock (byStatus)
                {
                    byStatus[response.Status] = byStatus.GetValueOrDefault(response.Status) + 1;
                    var problem = response.Status >= 500 ? $"{response.Status}" : response.Status == 0 ? (response.TimedOut ? "tidsgräns" : "inget svar") : null;
                    if (response.Status >= 500)
                    {
                        serverErrors++;
                    }
                    else if (response.Status == 0)
                    {
                        noResponse++;
                    }

                    if (leak is not null)
                    {
                        leakCount++;
                        problem = (problem is null ? string.Empty : problem + ", ") + leak;
                    }

                    if (problem is not null && samples.Count < 12)
                    {
                        samples.Add($"{problem}: {request.Method} {Shorten(request.Display)} → {Shorten(response.BodyText.ReplaceLineEndings(" "))}");
                    }
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();

        using var client = service.CreateClient(TimeSpan.FromSeconds(10), 1);
        var alive = false;
        try
        {
            using var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken);
            alive = ready.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
        }

        return new AdversarialResult(requests.Length, byStatus, serverErrors, byStatus.GetValueOrDefault(429), noResponse, leakCount, samples, alive && !service.Process.HasExited, clock.Elapsed.TotalSeconds);
    }

    // Peak memory with the bomb, against the same run without it, so the figure says what the bomb itself costs.
    private async Task<(double Bomb, double Baseline)> MeasureZipBombAsync(HostileOptions options)
    {
        var bombCorpus = Path.Combine(workDirectory, "zipbomb-corpus");
        var baseCorpus = Path.Combine(workDirectory, "baslinje-corpus");
        Directory.CreateDirectory(bombCorpus);
        Directory.CreateDirectory(baseCorpus);
        var marker = new MarkerWords(options.Seed + 7).Next();
        File.WriteAllText(Path.Combine(bombCorpus, "bra.md"), MarkdownDocument.Create(1, marker));
        File.WriteAllText(Path.Combine(baseCorpus, "bra.md"), MarkdownDocument.Create(1, marker));
        File.Copy(Path.Combine(workDirectory, "corpus", "genererat", "zipbomb.docx"), Path.Combine(bombCorpus, "zipbomb.docx"));
        var bomb = await cli.RunIndexAsync(bombCorpus, Path.Combine(workDirectory, "zipbomb"), TimeSpan.FromMinutes(5));
        var baseline = await cli.RunIndexAsync(baseCorpus, Path.Combine(workDirectory, "baslinje"), TimeSpan.FromMinutes(5));
        log.WriteLine($"  zip-bomb: kod {bomb.ExitCode}, topp-RSS {bomb.PeakRssMb:F0} MB (utan bomben {baseline.PeakRssMb:F0} MB)");
        return (bomb.PeakRssMb, baseline.PeakRssMb);
    }

    private static string Shorten(string text) => text.Length <= 140 ? text : text[..140] + "…";
}
