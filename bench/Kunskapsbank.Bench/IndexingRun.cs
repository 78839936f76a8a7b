using System.Diagnostics;
using Kunskapsbank.Indexer;

namespace Kunskapsbank.Bench;

/// <summary>Indexes the corpus from scratch on one thread and measures throughput and size.</summary>
internal static class IndexingRun
{
    public sealed record Result(int Threads, int Documents, int Failed, double Seconds, double CpuSeconds, double AllocatedMb, int Gen0, int Gen1, int Gen2, double CorpusMb, double IndexMb, double PeakRssMb)
    {
        public double DocsPerSecond => Documents / Seconds;

        public double MbPerSecond => CorpusMb / Seconds;
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
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var stopwatch = Stopwatch.StartNew();
        using var index = KunskapsbankIndex.Open(new IndexOptions(options.IndexPath, options.CorpusPath) { IndexingThreads = threads });
        var lastReport = Stopwatch.StartNew();
        var progress = new Progress<Kunskapsbank.Indexer.Corpus.SyncProgress>(p =>
        {
            if (lastReport.Elapsed.TotalSeconds >= 5)
            {
                log.WriteLine($"  indexerar … {p.Done}/{p.Total}");
                lastReport.Restart();
            }
        });
        var report = index.Corpus.SyncAll(progress, CancellationToken.None);
        stopwatch.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
        var indexBytes = Directory.EnumerateFiles(options.IndexPath).Sum(f => new FileInfo(f).Length);
        return new Result(
            threads,
            report.Indexed,
            report.Failed.Count,
            stopwatch.Elapsed.TotalSeconds,
            cpuSeconds,
            allocatedMb,
            GC.CollectionCount(0) - collections.Item1,
            GC.CollectionCount(1) - collections.Item2,
            GC.CollectionCount(2) - collections.Item3,
            corpusBytes / 1e6,
            indexBytes / 1e6,
            PeakMemory.PeakRssMb());
    }
}
