using Kunskapsbank.Stress.Corpora;
using Kunskapsbank.Stress.Crash;
using Kunskapsbank.Stress.Hostile;
using Kunskapsbank.Stress.Hosting;
using Kunskapsbank.Stress.Load;
using Kunskapsbank.Stress.Memory;
using Kunskapsbank.Stress.NearRealTime;

namespace Kunskapsbank.Stress;

/// <summary>Runs the checks a command asks for, prints a table per check and collects every figure for the JSON line.</summary>
public sealed class StressSuite(StressOptions options, SolutionLayout layout, ChildProcessGuard guard, string work, TextWriter output)
{
    private readonly Dictionary<string, object> _figures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _machineLoad = new(StringComparer.Ordinal);

    /// <summary>Every figure measured so far, by check.</summary>
    public IReadOnlyDictionary<string, object> Figures => _figures;

    /// <summary>Runs the command's checks in order: index, service (load, memory, near-real-time), hostile input, crash.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _figures["seed"] = options.Seed;
        _figures["machine_load_1m"] = _machineLoad;
        var command = options.Command;
        if (command is "all" or "load" or "memory" or "nrt")
        {
            await RunServiceChecksAsync(command, cancellationToken);
        }

        if (command is "all" or "hostile")
        {
            await RunHostileAsync(cancellationToken);
        }

        if (command is "all" or "crash")
        {
            await RunCrashAsync(cancellationToken);
        }
    }

    private async Task RunServiceChecksAsync(string command, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(work, "tjanst");
        var corpus = Path.Combine(folder, "corpus");
        var index = Path.Combine(folder, "index");
        Directory.CreateDirectory(folder);
        NoteMachineLoad("service");
        var copied = CorpusFolder.Copy(options.Corpus!, corpus, options.Documents);
        var corpusMb = CorpusFolder.List(corpus).Sum(f => new FileInfo(Path.Combine(corpus, f)).Length) / (1024.0 * 1024.0);
        var memory = options.Index is { } prebuilt
            ? CopyPrebuiltIndex(prebuilt, index, copied, corpusMb)
            : await IndexCorpusAsync(folder, corpus, index, copied, corpusMb);

        Say("Startar tjänsten …");
        using var service = await ServiceProcess.StartAsync(layout, guard, corpus, index, folder, ServiceEnvironment(), TimeSpan.FromMinutes(5));
        using var client = service.CreateClient(TimeSpan.FromSeconds(10), options.Clients * 2);
        await WaitForStartupSyncAsync(client, service, cancellationToken);

        if (command is "all" or "load" or "memory")
        {
            var queries = BenchQuery.ReadFile(options.Queries!);
            var ids = new DocumentIdPool();
            var generator = new LoadGenerator(client, queries, ids);
            Say("Uppvärmning 5 s …");
            await generator.RunAsync("uppvärmning", new LoadOptions(Math.Min(options.Clients, 8), TimeSpan.FromSeconds(5), options.Seed), cancellationToken);
            var serviceBeforeLoad = ProcessMemory.Current(service.Process.Id);
            Say($"Last {options.DurationSeconds} s med {options.Clients} klienter …");
            var sampler = new ResidentSetSampler(service.Process.Id, TimeSpan.FromMilliseconds(100));
            LoadResult plain;
            ResidentSetSummary underLoad;
            await using (sampler)
            {
                plain = await generator.RunAsync("last", new LoadOptions(options.Clients, TimeSpan.FromSeconds(options.DurationSeconds), options.Seed), cancellationToken);
                underLoad = await sampler.StopAsync();
            }

            Print(plain.ToTable().ToString());
            PrintErrors(plain);
            _figures["load"] = plain.ToFigures();

            if (command == "all")
            {
                await RunNearRealTimeAsync(client, corpus, folder, null, cancellationToken);
                await RunNearRealTimeAsync(client, corpus, folder, generator, cancellationToken);
            }

            if (command is "all" or "load")
            {
                // A full re-index that really writes: every document changes, then the admin endpoint asks for a full sync.
                Say($"Last {options.DurationSeconds} s under full omindexering (alla {copied} dokument ändrade) …");
                var changed = CorpusFolder.ChangeEveryFile(corpus);
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.DurationSeconds));
                using var probeClient = service.CreateClient(TimeSpan.FromSeconds(30), 2);
                var probe = new ReindexProbe(probeClient, service.AdminKey).TriggerAndFollowAsync(changed, stop.Token);
                var underReindex = await generator.RunAsync("last under omindexering", new LoadOptions(options.Clients, TimeSpan.FromSeconds(options.DurationSeconds), options.Seed + 1), cancellationToken);
                var observation = await probe;
                var reindexNote = observation.FinishedAfter is { } done
                    ? $"omindexeringen av {changed} ändrade dokument klar efter {done.TotalSeconds:F1} s"
                    : $"omindexeringen pågick hela fasen och var inte klar när den slutade ({observation.IndexedDuringPhase} av {changed} dokument klara i avslutade synkar)";
                Print(underReindex.ToTable($"POST /api/admin/reindex gav {observation.TriggerStatus}; {reindexNote}").ToString());
                PrintErrors(underReindex);
                _figures["load_during_reindex"] = new
                {
                    reindex_trigger_status = observation.TriggerStatus,
                    changed_documents = changed,
                    reindexed_during_phase = observation.IndexedDuringPhase,
                    reindex_seconds = observation.FinishedAfter is { } s ? Math.Round(s.TotalSeconds, 1) : (double?)null,
                    load = underReindex.ToFigures(),
                };
            }

            memory = memory with
            {
                ServiceBeforeLoad = serviceBeforeLoad,
                ServiceUnderLoad = underLoad,
                ServicePeakRssMb = ProcessMemory.PeakRssMb(service.Process.Id) ?? service.Process.PeakRssMb,
            };
            Print(memory.ToTable().ToString());
            _figures["memory"] = memory.ToFigures();
        }

        if (command == "nrt")
        {
            await RunNearRealTimeAsync(client, corpus, folder, null, cancellationToken);
            if (options.Queries is not null)
            {
                await RunNearRealTimeAsync(client, corpus, folder, new LoadGenerator(client, BenchQuery.ReadFile(options.Queries), new DocumentIdPool()), cancellationToken);
            }
        }
    }

    private async Task<MemoryFigures> IndexCorpusAsync(string folder, string corpus, string index, int documents, double corpusMb)
    {
        Say($"Indexerar {documents} dokument ({corpusMb:F0} MB) med kunskapsbank index …");
        var cli = new IndexerCli(layout, guard, folder);
        var indexing = await cli.RunIndexAsync(corpus, index, TimeSpan.FromMinutes(60));
        if (indexing.ExitCode != 0)
        {
            throw new InvalidOperationException($"Indexeringen misslyckades (kod {indexing.ExitCode}): {indexing.Tail}");
        }

        Say($"  klar på {indexing.Elapsed.TotalSeconds:F1} s, topp-RSS {indexing.PeakRssMb:F0} MB");
        return new MemoryFigures(documents, corpusMb, indexing.Elapsed.TotalSeconds, indexing.PeakRssMb, FolderMb(index));
    }

    // Repeated memory runs need not pay for indexing each time; the service's startup sync finds nothing to do when the
    // index was built from the same corpus (and --docs).
    private MemoryFigures CopyPrebuiltIndex(string prebuilt, string index, int documents, double corpusMb)
    {
        Directory.CreateDirectory(index);
        foreach (var file in Directory.EnumerateFiles(prebuilt).Where(f => Path.GetFileName(f) != "write.lock"))
        {
            File.Copy(file, Path.Combine(index, Path.GetFileName(file)), overwrite: true);
        }

        Say($"Index kopierat från {prebuilt} (ingen indexering mätt)");
        return new MemoryFigures(documents, corpusMb, 0, 0, FolderMb(index));
    }

    private static double FolderMb(string folder) => Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0);

    // Before the re-index phase: with thousands of changed files queued, the figure would measure the queue. With a load
    // generator, the clients search the whole time the files are written (the "while 32 clients search").
    private async Task RunNearRealTimeAsync(HttpClient client, string corpus, string folder, LoadGenerator? load, CancellationToken cancellationToken)
    {
        await ReadyState.WaitForIdleAsync(client, TimeSpan.FromMinutes(5), cancellationToken);
        var underLoad = load is not null;
        Say(underLoad
            ? $"Nära realtid: {options.NrtFiles} filer medan {options.Clients} klienter söker …"
            : $"Nära realtid: {options.NrtFiles} filer …");
        using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var background = load?.RunAsync("last under nära realtid", new LoadOptions(options.Clients, TimeSpan.FromMinutes(30), options.Seed + 2), stopLoad.Token);
        NrtResult nrt;
        try
        {
            var check = new NearRealTimeCheck(client, corpus, Path.Combine(folder, underLoad ? "mellanlager-last" : "mellanlager"), underLoad ? "nara-realtid-last" : "nara-realtid");
            nrt = await check.RunAsync(new NrtOptions(options.NrtFiles, 5, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30), options.Seed + (underLoad ? 1 : 0)), cancellationToken);
        }
        finally
        {
            await stopLoad.CancelAsync();
        }

        Print(nrt.ToTable().ToString());
        if (background is null)
        {
            _figures["near_real_time"] = nrt.ToFigures();
            return;
        }

        var loadResult = await background;
        Print(loadResult.ToTable("samtidigt med filerna ovan").ToString());
        PrintErrors(loadResult);
        _figures["near_real_time_under_load"] = new { nrt = nrt.ToFigures(), load = loadResult.ToFigures() };
    }

    private async Task RunHostileAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(work, "fientligt");
        Directory.CreateDirectory(folder);
        var problematic = options.Problematic ?? Path.Combine(layout.Root, "tests", "data", "stress", "problematic");
        var good = Path.Combine(layout.Root, "tests", "data", "stress", "good");
        NoteMachineLoad("hostile");
        Say("Fientlig indata …");
        var check = new HostileInputCheck(layout, guard, new IndexerCli(layout, guard, folder), folder, output);
        var hostileOptions = new HostileOptions(
            Directory.Exists(problematic) ? problematic : null,
            Directory.Exists(good) ? good : null,
            new HostileCorpusOptions(options.ZipBombMb * 1024L * 1024L, options.LargeTextMb * 1024L * 1024L, 100_000, 20),
            options.Requests,
            8,
            options.Seed);
        var (files, requests) = await check.RunAsync(hostileOptions, cancellationToken);
        Print(files.ToTable().ToString());
        Print(requests.ToTable().ToString());
        _figures["hostile"] = new
        {
            files = files.Files.Count,
            reported_failed = files.Reported,
            good_lost = files.GoodLost,
            bad_not_reported = files.BadNotReported,
            unaccounted = files.Unaccounted,
            index_exit_code = files.IndexExitCode,
            zipbomb_peak_rss_mb = Math.Round(files.ZipBombPeakRssMb, 1),
            zipbomb_baseline_rss_mb = Math.Round(files.BaselinePeakRssMb, 1),
            requests = requests.Requests,
            server_errors_5xx = requests.ServerErrors,
            rate_limited_429 = requests.RateLimited,
            leaks = requests.Leaks,
            no_response = requests.NoResponse,
            alive_afterwards = requests.AliveAfterwards,
        };
    }

    private async Task RunCrashAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(work, "krasch");
        Directory.CreateDirectory(folder);
        var queries = options.Queries is not null
            ? new Random(options.Seed).GetItems(BenchQuery.ReadFile(options.Queries).Where(q => q.Filters.Count == 0).Select(q => q.Text).Distinct().ToArray(), 20).Distinct().ToList()
            : ["våld", "barn", "\"hedersrelaterat våld\"", "riskbedömning", "stöd skydd"];
        NoteMachineLoad("crash");
        Say($"Kraschsäkerhet: {options.Kills} kill -9, frö {options.Seed} …");
        var check = new CrashSafetyCheck(new IndexerCli(layout, guard, folder), folder, output);
        var result = await check.RunAsync(new CrashOptions(options.Corpus, options.CrashDocuments, options.Kills, options.Seed, queries, TimeSpan.FromMinutes(30)), cancellationToken);
        Print(result.ToTable().ToString());
        _figures["crash"] = result.ToFigures();
    }

    // The service syncs its corpus in the background after it opened the index; measuring starts once that settled.
    private async Task WaitForStartupSyncAsync(HttpClient client, ServiceProcess service, CancellationToken cancellationToken)
    {
        var report = await ServiceQueries.WaitForSettledReportAsync(client, service.AdminKey, TimeSpan.FromMinutes(10), cancellationToken);
        Say($"  tjänsten redo: {report.DocumentPaths.Count} dokument, {report.Failed.Count} misslyckade");
    }

    private Dictionary<string, string> ServiceEnvironment()
    {
        // The rate limiter protects the service from abuse; the load test must measure the service, not the limiter. All
        // 32 clients come from 127.0.0.1, one partition, whose concurrency limit (4 running) would otherwise queue them.
        var environment = new Dictionary<string, string>
        {
            ["Kunskapsbank__RateLimit__Enabled"] = "false",
        };
        foreach (var (key, value) in options.ServiceEnvironment)
        {
            environment[key] = value;
        }

        return environment;
    }

    private void PrintErrors(LoadResult result)
    {
        foreach (var sample in result.ErrorSamples)
        {
            Say("  fel: " + sample);
        }
    }

    // Other processes on the machine change every latency figure; the load average is printed with them.
    private void NoteMachineLoad(string check)
    {
        var first = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "0";
        var load = double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        _machineLoad[check] = load;
        Say($"Maskinens belastning (loadavg 1 min) före {check}: {load:F1} på {Environment.ProcessorCount} kärnor");
    }

    private void Print(string table) => output.WriteLine(table);

    private void Say(string line) => output.WriteLine(line);
}
