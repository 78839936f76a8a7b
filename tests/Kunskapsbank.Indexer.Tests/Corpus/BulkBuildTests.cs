using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Tests.Corpus;

/// <summary>A bulk build (a first build of at least 500 files) prepares documents on several threads when it has them.</summary>
public sealed class BulkBuildTests
{
    private const int Documents = 520;

    private static readonly string[] Words =
    [
        "våld", "skyddat", "boende", "kvinnojour", "orosanmälan", "socialtjänsten", "barnahus", "kontaktförbud",
        "hedersrelaterat", "förtryck", "barnäktenskap", "könsstympning", "riskbedömning", "skyddsbedömning", "stöd",
        "polisen", "åklagare", "umgänge", "vårdnad", "förskolan", "rättsväsendet", "våldsutsatta", "kvinnor", "män",
        "ungdomar", "föräldrar", "handläggare", "utredning", "bistånd", "insatser", "tolk", "samverkan",
    ];

    [Fact]
    public void Bulk_build_on_two_threads_indexes_what_one_thread_does_and_passes_the_check()
    {
        using var single = Build(threads: 1);
        using var parallel = Build(threads: 2);

        Assert.Empty(IndexChecker.Check(single.IndexPath));
        Assert.Empty(IndexChecker.Check(parallel.IndexPath));
        foreach (var query in new[] { "våld", "skyddat boende", "\"skyddat boende\"", "barn*", "kvinnojour OR barnahus", "riskbedömning -polisen", "bedömning" })
        {
            var expected = single.Search(query, pageSize: 50);
            var actual = parallel.Search(query, pageSize: 50);
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(Summaries(expected), Summaries(actual));
            Assert.Equal(FacetCounts(expected), FacetCounts(actual));
        }

        var ledger = parallel.Index.Corpus.GetReport();
        Assert.Equal(Documents, ledger.Files.Count(f => f.State == FileStates.Indexed));
    }

    [Fact]
    public void Checking_stage_on_two_threads_reports_counts_that_only_rise_up_to_every_file()
    {
        using var corpus = new TestCorpus { IndexingThreads = 2 };
        for (var d = 0; d < Documents; d++)
        {
            corpus.WriteMarkdown($"{d / 100:D2}/kort-{d:D4}.md", $"Dokument {d}", "Text om våld i nära relationer.");
        }

        var progress = new RecordedProgress();
        var report = corpus.Index.Corpus.SyncAll(progress, CancellationToken.None);

        Assert.Equal(Documents, report.Indexed);
        var checking = progress.Reports.Where(r => r.Stage == Kunskapsbank.Indexer.Corpus.SyncStage.Checking).Select(r => r.Done).ToList();
        Assert.True(checking.Count >= 3, string.Join(", ", checking));
        Assert.Equal(checking.Order(), checking);
        Assert.Equal(Documents, checking[^1]);
        Assert.Equal(0, corpus.Index.Corpus.SyncAll(null, CancellationToken.None).Indexed);
    }

    private static TestCorpus Build(int threads)
    {
        var corpus = new TestCorpus { IndexingThreads = threads };
        var random = new Random(11);
        for (var d = 0; d < Documents; d++)
        {
            var paragraphs = Enumerable.Range(0, 3).Select(_ => string.Join(' ', Enumerable.Range(0, 40).Select(_ => Words[random.Next(Words.Length)])) + ".");
            corpus.WriteMarkdown($"{d / 100:D2}/dok-{d:D4}.md", $"{Words[random.Next(Words.Length)]} och {Words[random.Next(Words.Length)]}", "## Avsnitt\n\n" + string.Join("\n\n", paragraphs), $"year: {2000 + (d % 20)}");
        }

        var report = corpus.Sync();
        Assert.Equal(Documents, report.Indexed);
        return corpus;
    }

    private static List<string> Summaries(Kunskapsbank.Indexer.Search.SearchResponse response) =>
        response.Hits.Select(h => $"{h.Id} {h.Path} {h.Score:R} " + string.Join(" | ", h.Passages.Select(p => $"{p.PassageId} {p.Snippet}"))).ToList();

    private static List<string> FacetCounts(Kunskapsbank.Indexer.Search.SearchResponse response) =>
        response.Facets.SelectMany(f => f.Value.Select(v => $"{f.Key}={v.Id}:{v.Count}")).Order(StringComparer.Ordinal).ToList();

    private sealed class RecordedProgress : IProgress<Kunskapsbank.Indexer.Corpus.SyncProgress>
    {
        private readonly System.Threading.Lock _gate = new();
        private readonly List<Kunskapsbank.Indexer.Corpus.SyncProgress> _reports = [];

        public List<Kunskapsbank.Indexer.Corpus.SyncProgress> Reports
        {
            get
            {
                lock (_gate)
                {
                    return [.. _reports];
                }
            }
        }

        public void Report(Kunskapsbank.Indexer.Corpus.SyncProgress value)
        {
            lock (_gate)
            {
                _reports.Add(value);
            }
        }
    }
}
