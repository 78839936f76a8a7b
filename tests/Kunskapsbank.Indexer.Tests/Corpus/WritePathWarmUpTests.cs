using Kunskapsbank.Indexer.Corpus;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Tests.Analysis;

namespace Kunskapsbank.Indexer.Tests.Corpus;

public sealed class WritePathWarmUpTests
{
    [Fact]
    public void WarmWritePath_GoesTheWholeWayAndLeavesTheIndexAndTheCorpusAsTheyWere()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Skyddat boende", "Kvinnojouren erbjuder skyddat boende.");
        corpus.Sync();
        var before = corpus.Index.Corpus.GetReport();
        var filesBefore = Directory.GetFileSystemEntries(corpus.CorpusPath, "*", SearchOption.AllDirectories);

        Assert.True(corpus.Index.Corpus.WarmWritePath());

        var after = corpus.Index.Corpus.GetReport();
        Assert.Equal(before.Documents.Select(d => d.Path), after.Documents.Select(d => d.Path));
        Assert.Equal(before.Files.Select(f => f.Path), after.Files.Select(f => f.Path));
        Assert.Equal(filesBefore, Directory.GetFileSystemEntries(corpus.CorpusPath, "*", SearchOption.AllDirectories));
        Assert.Empty(corpus.Search("skyddsbedömning").Hits);
        Assert.Equal(["a.md"], corpus.Paths("kvinnojour"));
        Assert.Empty(Kunskapsbank.Indexer.Index.IndexChecker.Check(corpus.IndexPath));
    }

    [Fact]
    public void WarmUp_RemovesItsTemporaryFile()
    {
        using var corpus = new TestCorpus();
        var scratch = Path.Combine(corpus.Root, "scratch");
        Directory.CreateDirectory(scratch);
        var analyzer = SharedAnalyzer.Instance;
        var pipeline = new DocumentPipeline(ExtractorRegistry.CreateDefault(), analyzer, ExtractionLimits.Default);

        Assert.True(WritePathWarmUp.Run(pipeline, MetadataResolver.ForCorpus(corpus.CorpusPath, analyzer), scratch));

        Assert.Empty(Directory.GetFileSystemEntries(scratch));
    }

    [Fact]
    public void OpeningWithTheWarmUp_WarmsBesideTheFolderAndFinishesBeforeDispose()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Skyddat boende", "Kvinnojouren erbjuder skyddat boende.");
        Task? warming;
        using (var index = KunskapsbankIndex.Open(new IndexOptions(corpus.IndexPath, corpus.CorpusPath) { WarmWritePathWhileOpening = true }))
        {
            warming = index.Sync.WarmingUp;
            Assert.NotNull(warming);
            Assert.Equal(1, index.Corpus.SyncAll(null, CancellationToken.None).Indexed);
            Assert.Equal(["a.md"], index.Search.Search(new Kunskapsbank.Indexer.Search.SearchRequest { Query = "kvinnojour" }).Hits.Select(h => h.Path));
        }

        Assert.True(warming.IsCompletedSuccessfully);
        Assert.Empty(Kunskapsbank.Indexer.Index.IndexChecker.Check(corpus.IndexPath));
    }

    [Fact]
    public void OpeningToRead_DoesNotWarmTheWritePath()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Skyddat boende", "Kvinnojouren erbjuder skyddat boende.");
        corpus.Sync();
        corpus.Reopen();

        using var reader = KunskapsbankIndex.Open(new IndexOptions(corpus.IndexPath, corpus.CorpusPath) { ReadOnly = true, WarmWritePathWhileOpening = true });

        Assert.Null(reader.Sync.WarmingUp);
    }
}
