using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kunskapsbank.Indexer;

namespace Kunskapsbank.Bench;

/// <summary>Indexes the corpus from scratch on one thread and measures throughput and size.</summary>
internal static class IndexingRun
{
    public sealed record Result(int Threads, int Documents, int Failed, double Seconds, double CpuSeconds, double WriterCpuSeconds, double AllocatedMb, int Gen0, int Gen1, int Gen2, double GcPauseSeconds, double CorpusMb, double IndexMb, double PeakRssMb)
    {
        public double DocsPerSecond => Documents / Seconds;

        public double MbPerSecond => CorpusMb / Seconds;
    }

    // The sync's own thread writes every document (the others prepare them ahead): its processor time, from Linux's
    // per-thread counters (utime + stime in clock ticks of 1/100 s), bounds the build's rate once both cores are busy.
    private static double ThreadCpuSeconds()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public static void DeleteIndex(string indexPath)
    {
        if (Directory.Exists(indexPath))
        {
            Directory.Delete(indexPath, recursive: true);
        }
    }

    /// <summary>Indexes from scratch with <paramref name="threads"/> preparing threads; CPU time is the whole process's.</summary>
    public static Result Run(BenchOptions options, int threads, TextWriter log)
    {
        DeleteIndex(options.IndexPath);
        var corpusBytes = Directory.EnumerateFiles(options.CorpusPath, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal))
            .Sum(f => new FileInfo(f).Length);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var writerCpu = ThreadCpuSeconds();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var paused = GC.GetTotalPauseDuration();
        var stopwatch = Stopwatch.StartNew();
        using var index = KunskapsbankIndex.Open(new IndexOptions(options.IndexPath, options.CorpusPath) { IndexingThreads = threads, WarmWritePathWhileOpening = true });
        var progress = new StageClock(stopwatch, log);
        var report = index.Corpus.SyncAll(progress, CancellationToken.None);
        stopwatch.Stop();
        log.WriteLine($"  klart efter {stopwatch.Elapsed.TotalSeconds:F1} s");
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var writerCpuSeconds = ThreadCpuSeconds() - writerCpu;
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
        var indexBytes = Directory.EnumerateFiles(options.IndexPath).Sum(f => new FileInfo(f).Length);
        return new Result(
            threads,
            report.Indexed,
            report.Failed.Count,
            stopwatch.Elapsed.TotalSeconds,
            cpuSeconds,
            writerCpuSeconds,
            allocatedMb,
            GC.CollectionCount(0) - collections.Item1,
            GC.CollectionCount(1) - collections.Item2,
            GC.CollectionCount(2) - collections.Item3,
            (GC.GetTotalPauseDuration() - paused).TotalSeconds,
            corpusBytes / 1e6,
            indexBytes / 1e6,
            PeakMemory.PeakRssMb());
    }

    /// <summary>The same indexing in a new process of this benchmark (`--index-only`), so that every repeat starts as
    /// cold as the first — a second build in one process would find its code compiled — as the Lucene anchor's RUNS
    /// starts a new JVM for each; the index is left at <see cref="BenchOptions.IndexPath"/>.</summary>
    public static Result RunInNewProcess(BenchOptions options, int threads, TextWriter log)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(IndexingRun).Assembly.Location);
        }

        foreach (var argument in new[] { "--corpus", options.CorpusPath, "--queries", options.QueriesPath, "--index", options.IndexPath, "--index-threads", threads.ToString(CultureInfo.InvariantCulture), "--index-only" })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("Kunde inte starta benchmarken som barnprocess.");
        string? last = null;
        while (child.StandardOutput.ReadLine() is { } line)
        {
            if (last is not null)
            {
                log.WriteLine($"  | {last}");
            }

            last = line;
        }

        child.WaitForExit();
        if (child.ExitCode != 0 || last is null || !last.StartsWith('['))
        {
            throw new InvalidOperationException($"Indexeringen i barnprocessen misslyckades (kod {child.ExitCode}).");
        }

        return FromJson(JsonDocument.Parse(last).RootElement[0]);
    }

    /// <summary>The last line of `--index-only`: one object per build, read back by <see cref="RunInNewProcess"/>.</summary>
    public static string ToJson(IEnumerable<Result> runs) => JsonSerializer.Serialize(runs.Select(r => new
    {
        threads = r.Threads,
        docs = r.Documents,
        failed = r.Failed,
        corpus_mb = Math.Round(r.CorpusMb, 3),
        peak_rss_mb = Math.Round(r.PeakRssMb, 0),
        seconds = Math.Round(r.Seconds, 2),
        cpu_seconds = Math.Round(r.CpuSeconds, 2),
        writer_cpu_seconds = Math.Round(r.WriterCpuSeconds, 2),
        allocated_mb = Math.Round(r.AllocatedMb, 0),
        gc_collections = new[] { r.Gen0, r.Gen1, r.Gen2 },
        gc_pause_s = Math.Round(r.GcPauseSeconds, 2),
        index_docs_per_s = Math.Round(r.DocsPerSecond, 1),
        index_mb_per_s = Math.Round(r.MbPerSecond, 2),
        index_size_mb = Math.Round(r.IndexMb, 1),
    }));

    private static Result FromJson(JsonElement run)
    {
        double Number(string name) => run.GetProperty(name).GetDouble();
        var collections = run.GetProperty("gc_collections");
        return new Result(
            run.GetProperty("threads").GetInt32(),
            run.GetProperty("docs").GetInt32(),
            run.GetProperty("failed").GetInt32(),
            Number("seconds"),
            Number("cpu_seconds"),
            Number("writer_cpu_seconds"),
            Number("allocated_mb"),
            collections[0].GetInt32(),
            collections[1].GetInt32(),
            collections[2].GetInt32(),
            Number("gc_pause_s"),
            Number("corpus_mb"),
            Number("index_size_mb"),
            Number("peak_rss_mb"));
    }

    // Synchronous (Progress<T> posts to the thread pool, which would blur the stage times): prints when each stage
    // starts and the indexing stage's progress every five seconds.
    private sealed class StageClock(Stopwatch clock, TextWriter log) : IProgress<Kunskapsbank.Indexer.Corpus.SyncProgress>
    {
        private Kunskapsbank.Indexer.Corpus.SyncStage? _stage;
        private double _lastReport;

        public void Report(Kunskapsbank.Indexer.Corpus.SyncProgress value)
        {
            var now = clock.Elapsed.TotalSeconds;
            if (value.Stage != _stage)
            {
                _stage = value.Stage;
                log.WriteLine($"  {now,5:F1} s: {StageName(value.Stage)}");
            }
            else if (now - _lastReport >= 5)
            {
                log.WriteLine($"  {now,5:F1} s: {value.Done}/{value.Total}");
                _lastReport = now;
            }
        }

        private static string StageName(Kunskapsbank.Indexer.Corpus.SyncStage stage) => stage switch
        {
            Kunskapsbank.Indexer.Corpus.SyncStage.Checking => "jämför filerna med indexet",
            Kunskapsbank.Indexer.Corpus.SyncStage.Indexing => "indexerar",
            _ => "slår ihop och sparar",
        };
    }
}
