using System.Diagnostics;
using Kunskapsbank.Indexer;

namespace Kunskapsbank.Bench;

/// <summary>Indexes the corpus from scratch on one thread and measures throughput and size.</summary>
internal static class IndexingRun
{
    public sealed record Result(int Documents, int Failed, double Seconds, double CorpusMb, double IndexMb, double PeakRssMb)
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

    public static Result Run(BenchOptions options, TextWriter log)
    {
        DeleteIndex(options.IndexPath);
        var corpusBytes = Directory.EnumerateFiles(options.CorpusPath, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal))
            .Sum(f => new FileInfo(f).Length);
        var stopwatch = Stopwatch.StartNew();
        using var index = KunskapsbankIndex.Open(new IndexOptions(options.IndexPath, options.CorpusPath));
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
        var indexBytes = Directory.EnumerateFiles(options.IndexPath).Sum(f => new FileInfo(f).Length);
        return new Result(
            report.Indexed,
            report.Failed.Count,
            stopwatch.Elapsed.TotalSeconds,
            corpusBytes / 1e6,
            indexBytes / 1e6,
            PeakMemory.PeakRssMb());
    }
}
