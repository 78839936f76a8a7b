using System.Diagnostics;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Bench;

/// <summary>Runs the query set in one mode, first on one thread for latency, then on several for throughput.</summary>
internal sealed class QueryRun(ISearchEngine engine, IReadOnlyList<BenchQuery> queries, int rounds)
{
    public sealed record Result(LatencyStats OneThread, LatencyStats ManyThreads, int Threads, Dictionary<BenchQuery, List<double>> PerQuery);

    public Result Measure(QueryMode mode, int threads)
    {
        // One untimed pass so JIT, the page cache and the engine's caches are warm, as in a running service.
        foreach (var query in queries)
        {
            Execute(query, mode);
        }

        var perQuery = queries.ToDictionary(q => q, _ => new List<double>());
        var single = new List<double>(queries.Count * rounds);
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

        var parallel = new List<double>[threads];
        wall.Restart();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var mine = parallel[t] = new List<double>(queries.Count * rounds);
            for (var round = 0; round < rounds; round++)
            {
                // Each thread walks the list from a different starting point so they do not move in lockstep.
                for (var i = 0; i < queries.Count; i++)
                {
                    mine.Add(Execute(queries[(i + (t * queries.Count / threads)) % queries.Count], mode));
                }
            }
        });
        var manyThreads = LatencyStats.From(parallel.SelectMany(l => l).ToList(), wall.Elapsed);
        return new Result(oneThread, manyThreads, threads, perQuery);
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
