using System.Globalization;
using System.Runtime;
using System.Text.Json;
using Kunskapsbank.Bench;
using Kunskapsbank.Indexer;

// Index the corpus, check the answers, warm up, then measure each query mode. The last line is one JSON object.
var options = BenchOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var output = Console.Out;
var queries = BenchQuery.Load(options.QueriesPath);
var loadAtStart = LoadAverage.Read();
output.WriteLine($"Korpus: {options.CorpusPath}");
output.WriteLine($"Frågor: {queries.Count} från {options.QueriesPath}");
output.WriteLine($"Körmiljö: .NET {Environment.Version}, {(GCSettings.IsServerGC ? "Server" : "Workstation")} GC, {(GCSettings.LatencyMode == GCLatencyMode.Batch ? "utan" : "med")} bakgrunds-GC, {Environment.ProcessorCount} kärnor; load average {loadAtStart}");

IndexingRun.Result? indexing = null;
var indexings = new List<IndexingRun.Result>();
IReadOnlyList<double> indexingEach = [];
if (!options.ReuseIndex)
{
    foreach (var threads in options.IndexThreads)
    {
        // Repeated builds each run in a new process and the median run by docs/s stands (of an even number the faster of
        // the middle two), as the anchor's RUNS gives it.
        var runs = options.Repeats == 1 || options.IndexOnly
            ? [IndexingRun.Run(options, threads, output)]
            : Enumerable.Range(0, options.Repeats).Select(_ => IndexingRun.RunInNewProcess(options, threads, output)).ToList();
        indexing = runs.OrderBy(r => r.DocsPerSecond).ElementAt(runs.Count / 2);
        indexings.Add(indexing);
        indexingEach = [.. runs.Select(r => Math.Round(r.DocsPerSecond, 1))];
        var each = runs.Count == 1 ? string.Empty : $" (median av {runs.Count} processer: {string.Join(" / ", runs.Select(r => r.DocsPerSecond.ToString("F0", CultureInfo.InvariantCulture)))} dok/s)";
        output.WriteLine($"Indexering, {threads} tråd(ar): {indexing.Documents} dokument ({indexing.Failed} misslyckade) på {indexing.Seconds:F1} s = {indexing.DocsPerSecond:F0} dok/s{each}, {indexing.MbPerSecond:F1} MB/s; processortid {indexing.CpuSeconds:F1} s (skrivande tråden {indexing.WriterCpuSeconds:F1} s); allokerat {indexing.AllocatedMb:F0} MB, GC {indexing.Gen0}/{indexing.Gen1}/{indexing.Gen2}, paus {indexing.GcPauseSeconds:F1} s; index {indexing.IndexMb:F0} MB; topp-RSS {indexing.PeakRssMb:F0} MB");
    }
}

if (options.IndexOnly)
{
    output.WriteLine(IndexingRun.ToJson(indexings));

    // Without --index the folder is the benchmark's own temporary one (bench/index-pairs.sh left one per pair).
    if (!options.KeepIndex)
    {
        IndexingRun.DeleteIndex(options.IndexPath);
    }

    return 0;
}

using var index = KunskapsbankIndex.Open(new IndexOptions(options.IndexPath, options.CorpusPath));
if (options.DumpPath is not null)
{
    AnswerDump.Write(index.Search, queries, options.DumpPath);
    output.WriteLine($"Svaren skrivna till {options.DumpPath}");
    return 0;
}

var check = new AnswerCheck(index.Search, index.Analyzer).Run(queries);
output.WriteLine($"Svarskontroll: {check.Queries} frågor, {check.WithHits} med träffar, {check.Partial} delträffar, {check.Problems.Count} fel");
foreach (var problem in check.Problems.Take(20))
{
    output.WriteLine($"  FEL: {problem}");
}

var run = new QueryRun(index.Search, queries, options.Rounds);
output.WriteLine($"Uppvärmning: alla lägen, minst 5 varv och {options.WarmUpSeconds} s …");
run.WarmUp(5, TimeSpan.FromSeconds(options.WarmUpSeconds));
// Repeated measurements go round the modes, so a slow stretch of a shared machine falls on every mode, not on one.
var blocks = Enum.GetValues<QueryMode>().ToDictionary(mode => mode, _ => new List<QueryRun.Result>());
for (var repeat = 0; repeat < options.Repeats; repeat++)
{
    foreach (var mode in Enum.GetValues<QueryMode>())
    {
        blocks[mode].Add(run.Measure(mode, options.Threads));
    }
}

var results = blocks.ToDictionary(b => b.Key, b => QueryRun.Result.Median(b.Value));

var stages = run.Stages(QueryMode.Full);
var typeahead = new TypeaheadRun(index.Search, queries, Math.Max(1, options.Rounds / 4));
var typeaheadStats = typeahead.Measure();
var loadAtEnd = LoadAverage.Read();

// Very common terms and prefixes are where latency hides (every match is scored), so they get their own rows.
var docCount = indexing?.Documents ?? index.Search.GetFacets().FirstOrDefault(f => f.Id == "status")?.Values.Sum(v => v.Count) ?? 0;
var common = queries.Where(q => !q.IsPrefix && q.Filters.Count == 0 && !q.Text.Contains(' ', StringComparison.Ordinal)
    && index.Search.Search(q.ToRequest(QueryMode.Top10)).Total >= Math.Max(1, docCount) * 0.25).ToList();
var prefix = queries.Where(q => q.IsPrefix).ToList();
LatencyStats Subset(IReadOnlyCollection<BenchQuery> subset) => LatencyStats.From(
    subset.SelectMany(q => results[QueryMode.Full].PerQuery[q]).ToList(),
    TimeSpan.FromMilliseconds(Math.Max(1e-6, subset.SelectMany(q => results[QueryMode.Full].PerQuery[q]).Sum())));
var commonStats = Subset(common);
var prefixStats = Subset(prefix);

output.WriteLine();
output.WriteLine($"{"läge",-22} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"qps 1 tråd",11} {$"qps {options.Threads} trådar",13} {"KB/fråga",9} {"gen0/1000",10} {"cpu ms/fråga",13}");
foreach (var (mode, result) in results)
{
    var s = result.OneThread;
    output.WriteLine($"{mode.ToString().ToLowerInvariant(),-22} {s.P50Ms,8:F2} {s.P95Ms,8:F2} {s.P99Ms,8:F2} {s.MaxMs,8:F2} {result.QpsOneThread,11:F0} {result.QpsManyThreads,13:F0} {result.AllocatedKbPerRequest,9:F0} {result.Gen0PerThousand,10} {result.CpuMsPerRequest,13:F3}");
}

if (options.Repeats > 1)
{
    output.WriteLine($"Medianer av {options.Repeats} mätningar per läge; p99 i var och en (ms): {string.Join("; ", results.Select(r => $"{r.Key.ToString().ToLowerInvariant()} {string.Join(" / ", r.Value.BlockP99Ms.Select(p => p.ToString("F2", CultureInfo.InvariantCulture)))}"))}");
}

output.WriteLine($"{$"full, vanliga ord ({common.Count})",-22} {commonStats.P50Ms,8:F2} {commonStats.P95Ms,8:F2} {commonStats.P99Ms,8:F2} {commonStats.MaxMs,8:F2}");
output.WriteLine($"{$"full, prefix ({prefix.Count})",-22} {prefixStats.P50Ms,8:F2} {prefixStats.P95Ms,8:F2} {prefixStats.P99Ms,8:F2} {prefixStats.MaxMs,8:F2}");
output.WriteLine($"{$"förslag ({typeahead.Prefixes.Count} prefix)",-22} {typeaheadStats.P50Ms,8:F2} {typeaheadStats.P95Ms,8:F2} {typeaheadStats.P99Ms,8:F2} {typeaheadStats.MaxMs,8:F2}    (mål p99 ≤ 5 ms)");
output.WriteLine($"Full, medeltid per steg (ms): {string.Join(", ", stages.Select(s => $"{s.Key} {s.Value:F3}"))}");
var peak = PeakMemory.PeakRssMb();
output.WriteLine($"Topp-RSS för processen: {peak:F0} MB (nu {PeakMemory.CurrentRssMb():F0} MB); load average vid start {loadAtStart}, vid slut {loadAtEnd}");

object? ratios = null;
if (options.AnchorPath is not null)
{
    var anchor = AnchorComparison.Load(options.AnchorPath);
    output.WriteLine();
    output.WriteLine($"Mot Apache Lucene 8.8 ({anchor.Path}); kvot = vår / Lucenes:");
    foreach (var mismatch in anchor.CorpusMismatches(options.CorpusPath, docCount))
    {
        output.WriteLine($"  VARNING: {mismatch}");
    }

    output.WriteLine($"{"läge",-10} {"p50 kvot",9} {"p99 kvot",9} {"mål p99",8} {"qps 1 kvot",11} {$"qps {options.Threads} kvot",11}");
    var modes = new Dictionary<string, object>();
    foreach (var (mode, result) in results)
    {
        var p50 = result.OneThread.P50Ms / anchor.P50Ms(mode);
        var p99 = result.OneThread.P99Ms / anchor.P99Ms(mode);
        var qps1 = result.QpsOneThread / anchor.Qps(mode, 1);
        var qpsMany = result.QpsManyThreads / anchor.Qps(mode, options.Threads);
        var target = AnchorComparison.P99Target(mode, docCount);
        output.WriteLine($"{mode.ToString().ToLowerInvariant(),-10} {p50,9:F2} {p99,9:F2} {$"≤ {target:F1}",8} {qps1,11:F2} {qpsMany,11:F2}{(p99 <= target ? string.Empty : "  över målet")}");
        modes[mode.ToString().ToLowerInvariant()] = new { p50 = Math.Round(p50, 2), p99 = Math.Round(p99, 2), qps_1t = Math.Round(qps1, 2), qps_2t = Math.Round(qpsMany, 2), p99_target = target };
    }

    if (indexing is not null)
    {
        var target = AnchorComparison.IndexingTarget(docCount).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',');
        output.WriteLine($"indexering: {indexing.DocsPerSecond / anchor.IndexDocsPerSecond:F2} × Lucenes dok/s (mål ≥ {target}); index {indexing.IndexMb / indexing.CorpusMb:F2} × indata (Lucene {anchor.IndexToInput:F2})");
        output.WriteLine($"  till sammanslaget index på båda sidor (vår tid har alltid med sammanslagningen, Lucenes dok/s slutar före dess forceMerge): {indexing.DocsPerSecond / anchor.IndexDocsPerSecondMerged:F2} × ({anchor.IndexDocsPerSecondMerged:F0} dok/s)");
    }

    ratios = new
    {
        anchor = anchor.Path,
        modes,
        index_docs_per_s = indexing is null ? (double?)null : Math.Round(indexing.DocsPerSecond / anchor.IndexDocsPerSecond, 2),
        index_docs_per_s_both_merged = indexing is null ? (double?)null : Math.Round(indexing.DocsPerSecond / anchor.IndexDocsPerSecondMerged, 2),
    };
}

static object Mode(QueryRun.Result r) => new
{
    p50_ms = Math.Round(r.OneThread.P50Ms, 3),
    p95_ms = Math.Round(r.OneThread.P95Ms, 3),
    p99_ms = Math.Round(r.OneThread.P99Ms, 3),
    qps_1t = Math.Round(r.QpsOneThread, 1),
    qps_2t = Math.Round(r.QpsManyThreads, 1),
    kb_per_request = Math.Round(r.AllocatedKbPerRequest, 1),
    cpu_ms_per_request = Math.Round(r.CpuMsPerRequest, 3),
    gen0_per_1000 = r.Gen0PerThousand,
    gen2 = r.Gen2Collections,
    p99_ms_each = r.BlockP99Ms.Select(p => Math.Round(p, 3)).ToArray(),
};

var summary = new
{
    docs = docCount,
    repeats = options.Repeats,
    index_docs_per_s = indexing is null ? (double?)null : Math.Round(indexing.DocsPerSecond, 1),
    index_docs_per_s_each = indexingEach,
    index_mb_per_s = indexing is null ? (double?)null : Math.Round(indexing.MbPerSecond, 2),
    index_size_mb = indexing is null ? (double?)null : Math.Round(indexing.IndexMb, 1),
    top10 = Mode(results[QueryMode.Top10]),
    facets = Mode(results[QueryMode.Facets]),
    full = Mode(results[QueryMode.Full]),
    full_common_terms = new { count = common.Count, p50_ms = Math.Round(commonStats.P50Ms, 3), p99_ms = Math.Round(commonStats.P99Ms, 3) },
    full_prefix = new { count = prefix.Count, p50_ms = Math.Round(prefixStats.P50Ms, 3), p99_ms = Math.Round(prefixStats.P99Ms, 3) },
    typeahead = new { prefixes = typeahead.Prefixes.Count, p50_ms = Math.Round(typeaheadStats.P50Ms, 3), p99_ms = Math.Round(typeaheadStats.P99Ms, 3) },
    full_stages_ms = stages.ToDictionary(s => s.Key, s => Math.Round(s.Value, 3)),
    answer_problems = check.Problems.Count,
    peak_rss_mb = Math.Round(peak, 0),
    gc = GCSettings.IsServerGC ? "server" : "workstation",
    load_average = new { start = loadAtStart, end = loadAtEnd },
    ratios_to_lucene = ratios,
};
if (!options.KeepIndex)
{
    index.Dispose();
    IndexingRun.DeleteIndex(options.IndexPath);
}

output.WriteLine(JsonSerializer.Serialize(summary));
return check.Problems.Count == 0 ? 0 : 1;
