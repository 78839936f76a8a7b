using System.Text.Json;

namespace Kunskapsbank.Bench;

/// <summary>The Lucene 8.8 anchor's figures (`results-N.json` of `bench/lucene-anchor/run.sh`) and ours as ratios.</summary>
/// <remarks>Ratios are ours divided by Lucene's: below 1 is better for latency, above 1 better for queries/s and docs/s.
/// The targets are issue 11's ("How we will know").</remarks>
internal sealed class AnchorComparison
{
    private readonly JsonElement _root;

    private AnchorComparison(JsonElement root, string path)
    {
        _root = root;
        Path = path;
    }

    public string Path { get; }

    public static AnchorComparison Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        return new AnchorComparison(document.RootElement.Clone(), path);
    }

    /// <summary>Lucene's name for each of our modes.</summary>
    public static string AnchorMode(QueryMode mode) => mode switch
    {
        QueryMode.Top10 => "search",
        QueryMode.Facets => "facets",
        _ => "full",
    };

    /// <summary>The target for the p99 ratio of a mode (at 10k documents; 2 × at 100k).</summary>
    public static double P99Target(QueryMode mode, int documents) => documents >= 100_000 ? 2.0 : mode == QueryMode.Full ? 1.2 : 1.5;

    /// <summary>Issue 11's indexing target: at least this share of Lucene's docs/s (within 2 × at 100,000 documents).</summary>
    public static double IndexingTarget(int documents) => documents >= 100_000 ? 0.5 : 0.6;

    /// <summary>Warnings when the anchor measured another corpus than ours.</summary>
    public IEnumerable<string> CorpusMismatches(string corpusPath, int documents)
    {
        var anchorDocs = _root.GetProperty("corpus").GetProperty("docs").GetInt32();
        if (anchorDocs != documents)
        {
            yield return $"referensen mätte {anchorDocs} dokument, vi {documents}";
        }

        var manifest = System.IO.Path.Combine(corpusPath, "manifest.json");
        if (File.Exists(manifest) && _root.GetProperty("corpus").TryGetProperty("manifest", out var anchorManifest))
        {
            using var ours = JsonDocument.Parse(File.ReadAllText(manifest));
            var ourHash = Fingerprint(ours.RootElement);
            var anchorHash = Fingerprint(anchorManifest);
            if (ourHash != anchorHash)
            {
                yield return $"korpusens textkälla skiljer sig (sha256 {ourHash} mot referensens {anchorHash})";
            }
        }
    }

    public double P50Ms(QueryMode mode) => Latency(mode).GetProperty("p50_us").GetDouble() / 1000;

    public double P99Ms(QueryMode mode) => Latency(mode).GetProperty("p99_us").GetDouble() / 1000;

    public double Qps(QueryMode mode, int threads) =>
        _root.GetProperty("search").GetProperty("qps").GetProperty(AnchorMode(mode)).GetProperty(threads == 1 ? "1_thread" : "2_threads").GetDouble();

    public double IndexDocsPerSecond => _root.GetProperty("index").GetProperty("docs_per_s").GetDouble();

    /// <summary>Lucene's docs/s up to its merged, committed one-segment index: its <c>docs_per_s</c> stops at the commit
    /// before its forceMerge, while our sync's time includes our final merge to one segment.</summary>
    public double IndexDocsPerSecondMerged
    {
        get
        {
            var index = _root.GetProperty("index");
            return index.GetProperty("docs").GetDouble() / index.GetProperty("wall_s_incl_merge").GetDouble();
        }
    }

    public double IndexToInput => _root.GetProperty("index").GetProperty("index_to_input_ratio").GetDouble();

    public double SearchPeakRssMb => _root.GetProperty("search").GetProperty("peak_rss_kb").GetDouble() / 1024;

    private JsonElement Latency(QueryMode mode) => _root.GetProperty("search").GetProperty("latency").GetProperty(AnchorMode(mode));

    private static string? Fingerprint(JsonElement manifest) =>
        manifest.TryGetProperty("source_fingerprint", out var source) && source.TryGetProperty("sha256", out var sha) ? sha.GetString() : null;
}
