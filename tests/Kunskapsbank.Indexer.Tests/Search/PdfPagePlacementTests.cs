using System.Globalization;
using Kunskapsbank.Indexer.Search;
using Xunit.Abstractions;

namespace Kunskapsbank.Indexer.Tests.Search;

/// <summary>Golden queries over real and realistic PDFs (tests/data/pdf/golden-pages.tsv), through
/// <see cref="ISearchEngine"/> only, so they hold for whichever engine is behind it: the document must be found, and
/// its best passage must be the paragraph that answers, on the right page.</summary>
public sealed class PdfPagePlacementTests(PdfPagePlacementTests.PdfCorpus corpus, ITestOutputHelper output) : IClassFixture<PdfPagePlacementTests.PdfCorpus>
{
    public static TheoryData<string> Queries => [.. Golden().Select(g => g.Query)];

    [Fact]
    public void Every_pdf_of_the_corpus_is_indexed()
    {
        var report = corpus.Index.Corpus.GetReport();
        Assert.Empty(report.Failed);
        Assert.Equal(PdfCorpus.Files.Length, report.Documents.Count);
        Assert.Equal(1, corpus.Report.WaitingForOcr);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Golden_query_finds_its_pdf_and_a_passage_on_the_answering_page(string query)
    {
        var golden = Golden().Single(g => g.Query == query);

        var hit = Find(golden);

        Assert.True(hit is not null, $"{golden.File} not in the top 3 for \"{query}\"");
        Assert.Contains(hit.Passages, p => p.Page == golden.Page && Normalise(p.Text).Contains(golden.Phrase, StringComparison.Ordinal));
    }

    [Fact]
    public void Page_of_the_best_passage_is_right_for_nine_golden_queries_in_ten()
    {
        var golden = Golden();
        var misses = new List<string>();
        foreach (var g in golden)
        {
            var best = Find(g)?.Passages is { Count: > 0 } passages ? passages[0] : null;
            if (best is null || best.Page != g.Page || !Normalise(best.Text).Contains(g.Phrase, StringComparison.Ordinal))
            {
                misses.Add($"\"{g.Query}\": {g.File} sida {g.Page} väntad, bästa stycket {(best is null ? "saknas" : $"sida {best.Page}: {best.Text[..Math.Min(80, best.Text.Length)]}")}");
            }
        }

        var accuracy = (double)(golden.Count - misses.Count) / golden.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Page accuracy of the best passage: {golden.Count - misses.Count}/{golden.Count} = {accuracy:P0}"));
        misses.ForEach(output.WriteLine);
        Assert.True(accuracy >= 0.9, string.Join("\n", misses));
    }

    private SearchHit? Find(GoldenPage golden) =>
        corpus.Index.Search.Search(new SearchRequest { Query = golden.Query, PageSize = 3 }).Hits.FirstOrDefault(h => h.Path == golden.File);

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<GoldenPage> Golden() => File.ReadLines(TestData.PathOf("pdf", "golden-pages.tsv"))
        .Where(line => line.Length > 0 && line[0] != '#')
        .Select(line => line.Split('\t'))
        .Select(cells => new GoldenPage(cells[0], cells[1], int.Parse(cells[2], CultureInfo.InvariantCulture), cells[3]))
        .ToList();

    private sealed record GoldenPage(string Query, string File, int Page, string Phrase);

    /// <summary>The PDFs of tests/data/pdf and a few real bills, indexed once into a temp folder.</summary>
    public sealed class PdfCorpus : IDisposable
    {
        public static readonly string[] Files =
        [
            "pdf/proposition-skydd-for-barn.pdf",
            "pdf/kallelse-skannad.pdf",
            "documents/real-swedish/prop-2012-13-182-internationell-delgivning.pdf",
            "documents/real-swedish/prop-2012-13-144-sjofartsstodet.pdf",
            "documents/real-swedish/dir-2014-158-fondregelverket.pdf",
            "documents/generated/kunskapsunderlag-hedersrelaterat-vald-flersidig.pdf",
        ];

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "kb-pdf-golden", Guid.NewGuid().ToString("N"));

        public PdfCorpus()
        {
            var documents = Path.Combine(_folder, "corpus");
            Directory.CreateDirectory(documents);
            foreach (var file in Files)
            {
                File.Copy(TestData.PathOf(file.Split('/')), Path.Combine(documents, Path.GetFileName(file)));
            }

            Index = KunskapsbankIndex.Open(new IndexOptions(Path.Combine(_folder, "index"), documents));
            Report = Index.Corpus.SyncAll(null, CancellationToken.None);

            // The scanned PDF is read by the background OCR; the golden queries need it.
            Index.Ocr.WaitUntilIdle(null, CancellationToken.None);
        }

        public KunskapsbankIndex Index { get; }

        public Kunskapsbank.Indexer.Corpus.SyncReport Report { get; }

        public void Dispose()
        {
            Index.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
