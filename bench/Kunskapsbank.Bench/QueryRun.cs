using System.Diagnostics;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Bench;

/// <summary>Runs the query set in one mode: timed one request at a time for latency, then closed loops for throughput.</summary>
/// <remarks>Shaped like the Lucene anchor's harness (`Bench.java`) so the figures compare: every request timed alone,
/// nearest-rank percentiles, and queries/s from a closed loop of at least two passes and five seconds per thread count.</remarks>
internal sealed class QueryRun(ISearchEngine engine, IReadOnlyList<BenchQuery> queries, int rounds)
{
    private static readonly TimeSpan ThroughputTime = TimeSpan.FromSeconds(5);

    public sealed record Result(
        LatencyStats OneThread,
        double QpsOneThread,
        double QpsManyThreads,
        int Threads,
        double AllocatedKbPerRequest,
        double CpuMsPerRequest,
        int Gen0PerThousand,
        int Gen2Collections,
        Dictionary<BenchQuery, List<double>> PerQuery)
    {
        /// <summary>The p99 of each measurement this result was made from (one unless it is a median).</summary>
        public IReadOnlyList<double> BlockP99Ms { get; init; } = [OneThread.P99Ms];

        /// <summary>The median of every figure over repeated measurements of one mode, as the Lucene anchor's RUNS gives
        /// it (a figure's median need not come from the same measurement as another's); the per-query times are pooled.</summary>
        public static Result Median(IReadOnlyList<Result> blocks)
        {
            ArgumentOutOfRangeException.ThrowIfZero(blocks.Count);
            if (blocks.Count == 1)
            {
                return blocks[0];
            }

            double Mid(Func<Result, double> figure) => MedianOf(blocks.Select(figure));
            var latency = new LatencyStats(
                blocks.Sum(b => b.OneThread.Count),
                Mid(b => b.OneThread.P50Ms),
                Mid(b => b.OneThread.P95Ms),
                Mid(b => b.OneThread.P99Ms),
                Mid(b => b.OneThread.MaxMs),
                Mid(b => b.OneThread.Qps));
            var pooled = blocks[0].PerQuery.Keys.ToDictionary(q => q, q => blocks.SelectMany(b => b.PerQuery[q]).ToList());
            return new Result(
                latency,
                Mid(b => b.QpsOneThread),
                Mid(b => b.QpsManyThreads),
                blocks[0].Threads,
                Mid(b => b.AllocatedKbPerRequest),
                Mid(b => b.CpuMsPerRequest),
                (int)Mid(b => b.Gen0PerThousand),
                (int)Mid(b => b.Gen2Collections),
                pooled)
            {
                BlockP99Ms = [.. blocks.Select(b => b.OneThread.P99Ms)],
            };
        }

        // The middle value; for an even count the mean of the two middle ones.
        private static double MedianOf(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /// <summary>Runs every mode over the whole query set until both <paramref name="passes"/> and <paramref name="minimum"/> are reached.</summary>
    public void WarmUp(int passes, TimeSpan minimum)
    {
        var clock = Stopwatch.StartNew();
        for (var pass = 0; pass < passes || clock.Elapsed < minimum; pass++)
        {
            foreach (var mode in Enum.GetValues<QueryMode>())
            {
                foreach (var query in queries)
                {
                    Execute(query, mode);
                }
            }
        }
    }

    public Result Measure(QueryMode mode, int threads)
    {
        var perQuery = queries.ToDictionary(q => q, _ => new List<double>());
        var single = new List<double>(queries.Count * rounds);
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in queries)
            {
                var ms = Execute(query, mode);
                single.Add(ms);
                perQuery[query].Add(ms);
            }
        }

        var oneThread = LatencyStats.From(single, wall.Elapsed);

        // Processor time of the whole process (GC and JIT threads included) per request: on a machine shared with other
        // builds, wall-clock latency swings with the load, this much less.
        var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / single.Count;
        var perRequest = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / single.Count;
        var gen0Collections = GC.CollectionCount(0) - gen0;
        var gen2Collections = GC.CollectionCount(2) - gen2;
        return new Result(
            oneThread,
            Throughput(mode, 1),
            Throughput(mode, threads),
            threads,
            perRequest,
            cpuPerRequest,
            (int)Math.Round(gen0Collections * 1000.0 / single.Count),
            gen2Collections,
            perQuery);
    }

    /// <summary>Milliseconds per stage (parse, match, passages, highlight …) averaged over one pass of the query set in <paramref name="mode"/>.</summary>
    public Dictionary<string, double> Stages(QueryMode mode)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        var count = 0;
        foreach (var query in queries)
        {
            try
            {
                var timings = engine.Search(query.ToRequest(mode) with { Explain = true }).Explain?.TimingsMs;
                foreach (var (stage, ms) in timings ?? new Dictionary<string, double>())
                {
                    sums[stage] = sums.GetValueOrDefault(stage) + ms;
                }

                count++;
            }
            catch (SearchInputException)
            {
                // Reported by the answer check.
            }
        }

        return sums.ToDictionary(s => s.Key, s => s.Value / Math.Max(1, count));
    }

    // A closed loop: each thread walks the list from its own offset until both two passes and five seconds are done.
    private double Throughput(QueryMode mode, int threads)
    {
        var completed = 0L;
        var wall = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var done = 0L;
            for (var i = 0; done < 2L * queries.Count || wall.Elapsed < ThroughputTime; i++, done++)
            {
                Execute(queries[(i + (t * queries.Count / threads)) % queries.Count], mode);
            }

            Interlocked.Add(ref completed, done);
        });
        return completed / wall.Elapsed.TotalSeconds;
    }

    private double Execute(BenchQuery query, QueryMode mode)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            engine.Search(query.ToRequest(mode));
        }
        catch (SearchInputException)
        {
            // A rejected query still costs what it costs; the answer check reports it.
        }

        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
