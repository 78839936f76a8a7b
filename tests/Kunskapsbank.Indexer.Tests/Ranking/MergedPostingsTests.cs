using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Query;
using Kunskapsbank.Indexer.Ranking;
using Kunskapsbank.Indexer.Tests.Corpus;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Tests.Ranking;

/// <summary>A word scored from its merged postings (<see cref="WordPostingsCache"/>) finds the same documents with
/// the same scores, to the last bit, as the same word read from its nine postings lists, and a phrase's kept matches
/// are the documents its positions give — also after deletions.</summary>
public sealed class MergedPostingsTests : IDisposable
{
    private static readonly string[] Queries =
    [
        "våld", "stöd", "barn", "kvinnor", "våld skolan", "hedersrelaterat våld", "\"hedersrelaterat våld\"",
        "\"barn som upplever våld\"", "\"ring kvinnojour\"", "\"våld i skolan\"", "\"stöd till barn\"", "barn OR kvinnor", "våld -kvinnojour", "skydd*", "våldsutsatta kvinnor", "stöd till barn",
        "våld*", "barn* kvinnor", "skyddat bo*", "kvinno* OR stöd", "st* -kvinnojour",
    ];

    private static readonly QueryAnalyzer Analyzer = new(SwedishAnalyzer.Create());

    private readonly TestCorpus _corpus = new();

    public MergedPostingsTests()
    {
        var random = new Random(7);
        string[] words = ["våld", "våldet", "våldsutsatta", "partnervåld", "stöd", "stödet", "barn", "barnen", "kvinnor", "kvinnorna", "skolan", "skydd", "skyddat", "boende", "hedersrelaterat", "upplever", "som", "till", "och", "i"];
        for (var i = 0; i < 60; i++)
        {
            var body = string.Join(' ', Enumerable.Range(0, 40 + random.Next(80)).Select(_ => words[random.Next(words.Length)]));
            var title = string.Join(' ', Enumerable.Range(0, 2 + random.Next(3)).Select(_ => words[random.Next(words.Length)]));
            _corpus.WriteMarkdown($"d{i:00}.md", title, $"## {words[random.Next(words.Length)]} {words[random.Next(words.Length)]}\n\n{body}. Barn som upplever våld. Hedersrelaterat våld.{(i % 5 == 0 ? " Ring kvinnojour." : string.Empty)}");
        }

        _corpus.Sync();

        // Deletions in the segment that holds the merged postings: changed and removed files.
        for (var i = 0; i < 60; i += 7)
        {
            _corpus.WriteMarkdown($"d{i:00}.md", "Ändrad", "Kvinnor och barn får stöd.");
            File.SetLastWriteTimeUtc(_corpus.FullPath($"d{i:00}.md"), DateTime.UtcNow.AddMinutes(1));
        }

        File.Delete(_corpus.FullPath("d03.md"));
        File.Delete(_corpus.FullPath("d04.md"));
        _corpus.Sync();
    }

    [Fact]
    public void MergedWords_ScoreEveryDocumentExactlyAsTheirLists_BeforeAndAfterTheyAreKept()
    {
        using var directory = IndexFolder.OpenDirectory(_corpus.IndexPath, create: false);
        using var reader = DirectoryReader.Open(directory);
        Assert.Contains(reader.Leaves, leaf => leaf.AtomicReader.NumDeletedDocs > 0);
        var searcher = new IndexSearcher(reader);
        var cache = new WordPostingsCache(minimumPostings: 1);

        foreach (var text in Queries)
        {
            var clause = Analyzer.Analyse(QueryParser.Parse(text).Root)!;
            var fromLists = Scores(searcher, new LuceneQueryBuilder(reader).ForDocuments(clause));

            // A word merges on first sight, a prefix on its second: the third search reads every kept entry.
            var first = Scores(searcher, new LuceneQueryBuilder(reader, merged: cache).ForDocuments(clause));
            var second = Scores(searcher, new LuceneQueryBuilder(reader, merged: cache).ForDocuments(clause));
            var fromKept = Scores(searcher, new LuceneQueryBuilder(reader, merged: cache).ForDocuments(clause));

            Assert.True(fromLists.Count > 0, text + ": inga träffar");
            Assert.Equal(fromLists, first);
            Assert.Equal(fromLists, second);
            Assert.Equal(fromLists, fromKept);
        }

        Assert.True(cache.Bytes > 0);
    }

    [Fact]
    public void APrefix_MatchesWhatLucenesDisjunctionOfItsWordsMatches_WithTheSameScores()
    {
        using var directory = IndexFolder.OpenDirectory(_corpus.IndexPath, create: false);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var cache = new WordPostingsCache(minimumPostings: 1);

        foreach (var text in new[] { "skydd*", "våld*", "barn* kvinnor", "kvinno* OR stöd", "st* -kvinnojour", "skyddat bo*", "s*" })
        {
            var clause = Analyzer.Analyse(QueryParser.Parse(text).Root)!;
            var lucene = FloatScores(searcher, AsLuceneDisjunctions(new LuceneQueryBuilder(reader).ForDocuments(clause)));
            var fromLists = FloatScores(searcher, new LuceneQueryBuilder(reader).ForDocuments(clause));
            for (var i = 0; i < 2; i++)
            {
                FloatScores(searcher, new LuceneQueryBuilder(reader, merged: cache).ForDocuments(clause));
            }

            var fromKept = FloatScores(searcher, new LuceneQueryBuilder(reader, merged: cache).ForDocuments(clause));

            Assert.True(lucene.Count > 0, text + ": inga träffar");
            foreach (var ours in new[] { fromLists, fromKept })
            {
                Assert.Equal(lucene.Keys, ours.Keys);
                Assert.All(lucene, hit => Assert.Equal(hit.Value, ours[hit.Key], hit.Value * 1e-5f));
            }
        }
    }

    [Fact]
    public void TheCache_StaysWithinItsBudget_DroppingTheLeastRecentlyUsedWord()
    {
        var cache = new WordPostingsCache(budgetBytes: 3 * Postings(10).Bytes);
        var segment = new object();
        cache.Add(segment, "a", Postings(10));
        cache.Add(segment, "b", Postings(10));
        cache.Add(segment, "c", Postings(10));
        Assert.NotNull(cache.Get<MergedPostings>(segment, "a"));

        cache.Add(segment, "d", Postings(10));

        Assert.True(cache.Bytes <= 3 * Postings(10).Bytes);
        Assert.NotNull(cache.Get<MergedPostings>(segment, "a"));
        Assert.Null(cache.Get<MergedPostings>(segment, "b"));
        Assert.NotNull(cache.Get<MergedPostings>(segment, "d"));
        Assert.Null(cache.Get<MergedPostings>(new object(), "a"));
    }

    public void Dispose() => _corpus.Dispose();

    private static MergedPostings Postings(int count) => new([.. Enumerable.Range(0, count)], new float[count], new int[count]);

    // The same query with each prefix as Lucene's own boolean disjunction of its words (scores added in Lucene's order).
    private static Lucene.Net.Search.Query AsLuceneDisjunctions(Lucene.Net.Search.Query query)
    {
        switch (query)
        {
            case ExpansionsQuery prefix:
                {
                    var disjunction = new BooleanQuery(disableCoord: true);
                    foreach (var word in prefix.Expansions)
                    {
                        disjunction.Add(word, Occur.SHOULD);
                    }

                    return disjunction;
                }

            case BooleanQuery boolean:
                {
                    var copy = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                    foreach (var clause in boolean.Clauses)
                    {
                        copy.Add(AsLuceneDisjunctions(clause.Query), clause.Occur);
                    }

                    return copy;
                }

            default:
                return query;
        }
    }

    private static SortedDictionary<int, float> FloatScores(IndexSearcher searcher, Lucene.Net.Search.Query query)
    {
        var top = searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc));
        var scores = new SortedDictionary<int, float>();
        foreach (var hit in top.ScoreDocs)
        {
            scores[hit.Doc] = hit.Score;
        }

        return scores;
    }

    // Every matching live document with its score, bit for bit.
    private static SortedDictionary<int, int> Scores(IndexSearcher searcher, Lucene.Net.Search.Query query)
    {
        var top = searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc));
        var scores = new SortedDictionary<int, int>();
        foreach (var hit in top.ScoreDocs)
        {
            scores[hit.Doc] = BitConverter.SingleToInt32Bits(hit.Score);
        }

        return scores;
    }
}
