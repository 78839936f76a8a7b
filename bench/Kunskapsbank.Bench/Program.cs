using System.Globalization;
using System.Text.Json;
using Kunskapsbank.Bench;
using Kunskapsbank.Indexer;

// Index the corpus, check the answers, then measure each query mode. The last line is one JSON object.
var options = BenchOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var output = Console.Out;
var queries = BenchQuery.Load(options.QueriesPath);
output.WriteLine($"Korpus: {options.CorpusPath}");
output.WriteLine($"Frågor: {queries.Count} från {options.QueriesPath}");

IndexingRun.Result? indexing = null;
var indexings = new List<IndexingRun.Result>();
if (!options.ReuseIndex)
{
    foreach (var threads in options.IndexThreads)
    {
        indexing = IndexingRun.Run(options, threads, output);
        indexings.Add(indexing);
        output.WriteLine($"Indexering, {threads} tråd(ar): {indexing.Documents} dokument ({indexing.Failed} misslyckade) på {indexing.Seconds:F1} s = {indexing.DocsPerSecond:F0} dok/s, {indexing.MbPerSecond:F1} MB/s; processortid {indexing.CpuSeconds:F1} s; allokerat {indexing.AllocatedMb:F0} MB, GC {indexing.Gen0}/{indexing.Gen1}/{indexing.Gen2}; index {indexing.IndexMb:F0} MB; topp-RSS {indexing.PeakRssMb:F0} MB");
    }
}

if (options.IndexOnly)
{
    output.WriteLine(JsonSerializer.Serialize(indexings.Select(r => new
    {
        threads = r.Threads,
        docs = r.Documents,
        seconds = Math.Round(r.Seconds, 2),
        cpu_seconds = Math.Round(r.CpuSeconds, 2),
        allocated_mb = Math.Round(r.AllocatedMb, 0),
        gc_collections = new[] { r.Gen0, r.Gen1, r.Gen2 },
        index_docs_per_s = Math.Round(r.DocsPerSecond, 1),
        index_mb_per_s = Math.Round(r.MbPerSecond, 2),
        index_size_mb = Math.Round(r.IndexMb, 1),
    })));
    return 0;
}

using var index = KunskapsbankIndex.Open(new IndexOptions(options.IndexPath, options.CorpusPath));
var check = new AnswerCheck(index.Search, index.Analyzer).Run(queries);
output.WriteLine($"Svarskontroll: {check.Queries} frågor, {check.WithHits} med träffar, {check.Partial} delträffar, {check.Problems.Count} fel");
foreach (var problem in check.Problems.Take(20))
{
    output.WriteLine($"  FEL: {problem}");
}

var run = new QueryRun(index.Search, queries, options.Rounds);
var results = new Dictionary<QueryMode, QueryRun.Result>();
foreach (var mode in Enum.GetValues<QueryMode>())
{
    results[mode] = run.Measure(mode, options.Threads);
}

// Very common terms and prefixes are where latency hides (every match is scored), so they get their own rows.
var docCount = indexing?.Documents ?? Directory.EnumerateFiles(options.CorpusPath, "*.md", SearchOption.AllDirectories).Count();
var common = queries.Where(q => !q.IsPrefix && q.Filters.Count == 0 && !q.Text.Contains(' ', StringComparison.Ordinal)
    && index.Search.Search(q.ToRequest(QueryMode.Top10)).Total >= Math.Max(1, docCount) * 0.25).ToList();
var prefix = queries.Where(q => q.IsPrefix).ToList();
LatencyStats Subset(IReadOnlyCollection<BenchQuery> subset) => LatencyStats.From(
    subset.SelectMany(q => results[QueryMode.Full].PerQuery[q]).ToList(),
    TimeSpan.FromMilliseconds(Math.Max(1e-6, subset.SelectMany(q => results[QueryMode.Full].PerQuery[q]).Sum())));
var commonStats = Subset(common);
var prefixStats = Subset(prefix);

output.WriteLine();
output.WriteLine($"{"läge",-22} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"qps 1 tråd",11} {$"qps {options.Threads} trådar",13}");
foreach (var (mode, result) in results)
{
    var s = result.OneThread;
    output.WriteLine($"{mode.ToString().ToLowerInvariant(),-22} {s.P50Ms,8:F2} {s.P95Ms,8:F2} {s.P99Ms,8:F2} {s.MaxMs,8:F2} {s.Qps,11:F0} {result.ManyThreads.Qps,13:F0}");
}

output.WriteLine($"{$"full, vanliga ord ({common.Count})",-22} {commonStats.P50Ms,8:F2} {commonStats.P95Ms,8:F2} {commonStats.P99Ms,8:F2} {commonStats.MaxMs,8:F2}");
output.WriteLine($"{$"full, prefix ({prefix.Count})",-22} {prefixStats.P50Ms,8:F2} {prefixStats.P95Ms,8:F2} {prefixStats.P99Ms,8:F2} {prefixStats.MaxMs,8:F2}");
var peak = PeakMemory.PeakRssMb();
output.WriteLine($"Topp-RSS för processen: {peak:F0} MB (nu {PeakMemory.CurrentRssMb():F0} MB)");

static object Mode(QueryRun.Result r) => new
{
    p50_ms = Math.Round(r.OneThread.P50Ms, 3),
    p95_ms = Math.Round(r.OneThread.P95Ms, 3),
    p99_ms = Math.Round(r.OneThread.P99Ms, 3),
    qps_1t = Math.Round(r.OneThread.Qps, 1),
    qps_2t = Math.Round(r.ManyThreads.Qps, 1),
};

var summary = new
{
    docs = indexing?.Documents ?? docCount,
    index_docs_per_s = indexing is null ? (double?)null : Math.Round(indexing.DocsPerSecond, 1),
    index_mb_per_s = indexing is null ? (double?)null : Math.Round(indexing.MbPerSecond, 2),
    index_size_mb = indexing is null ? (double?)null : Math.Round(indexing.IndexMb, 1),
    top10 = Mode(results[QueryMode.Top10]),
    facets = Mode(results[QueryMode.Facets]),
    full = Mode(results[QueryMode.Full]),
    full_common_terms = new { count = common.Count, p50_ms = Math.Round(commonStats.P50Ms, 3), p99_ms = Math.Round(commonStats.P99Ms, 3) },
    full_prefix = new { count = prefix.Count, p50_ms = Math.Round(prefixStats.P50Ms, 3), p99_ms = Math.Round(prefixStats.P99Ms, 3) },
    answer_problems = check.Problems.Count,
    peak_rss_mb = Math.Round(peak, 0),
};
if (!options.ReuseIndex && options.IndexPath.StartsWith(Path.GetTempPath(), StringComparison.Ordinal))
{
    index.Dispose();
    IndexingRun.DeleteIndex(options.IndexPath);
}

output.WriteLine(JsonSerializer.Serialize(summary));
return check.Problems.Count == 0 ? 0 : 1;
