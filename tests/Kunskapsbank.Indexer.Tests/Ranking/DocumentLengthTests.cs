using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Tests.Corpus;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Tests.Ranking;

/// <summary>BM25F's document length is the number of whole words of the body, with no whole-word field to read it from:
/// the positional field's norm leaves the compound parts out, and its total less the parts field's total is the sum.</summary>
public sealed class DocumentLengthTests
{
    [Fact]
    public void BodyNormAndTotals_CountWholeWordsAndNotCompoundParts()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Våld i nära relationer", "## Partnervåld\n\nPartnervåld är våld. Våldsutsatta kvinnor får stöd av kvinnojouren.\n\n## Lagen\n\n14 kap. 1 § SoL gäller. FREDA-kortfrågor och barnäktenskapsbrott.");
        corpus.WriteMarkdown("b.md", "Skolan", "Skolan gör en orosanmälan när barn far illa.\n\nElevhälsan och skolsköterskan ger stöd.");
        corpus.Sync();

        using var directory = IndexFolder.OpenDirectory(corpus.IndexPath, create: false);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var similarity = new BM25Similarity();
        long wholeWords = 0;
        long parts = 0;
        var documents = 0;
        foreach (var leaf in reader.Leaves)
        {
            var norms = leaf.AtomicReader.GetNormValues(IndexSchema.Body)!;
            var lengthValues = leaf.AtomicReader.GetBinaryDocValues(IndexSchema.Lengths)!;
            var kinds = leaf.AtomicReader.GetTerms(IndexSchema.Kind)!.GetEnumerator();
            Assert.True(kinds.SeekExact(new BytesRef(IndexSchema.Kinds.Document)));
            var docs = kinds.Docs(leaf.AtomicReader.LiveDocs, null);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                var bytes = new BytesRef();
                lengthValues.Get(doc, bytes);
                var lengths = FieldLengths.Decode(bytes.Bytes, bytes.Offset, bytes.Length).ToDictionary(l => l.Field, l => l.Tokens);
                var whole = (int)(lengths[IndexSchema.Body] - lengths[IndexSchema.BodyParts]);
                var expected = similarity.ComputeNorm(new FieldInvertState(IndexSchema.Body, 0, whole, 0, 0, 1f));
                Assert.Equal(expected, norms.Get(doc));
                wholeWords += whole;
                parts += lengths[IndexSchema.BodyParts];
                documents++;
            }
        }

        Assert.Equal(2, documents);
        Assert.True(parts > 0, "the corpus has compounds");
        var body = searcher.CollectionStatistics(IndexSchema.Body);
        var bodyParts = searcher.CollectionStatistics(IndexSchema.BodyParts);
        Assert.Equal(wholeWords, body.SumTotalTermFreq - bodyParts.SumTotalTermFreq);
        Assert.Equal(parts, bodyParts.SumTotalTermFreq);
    }

    [Fact]
    public void AQueryWord_CountsAWholeWordAboveAPartAndTheExactWordAboveBoth()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("del.md", "Ett", "Partnervåld förekommer i alla grupper i samhället.");
        corpus.WriteMarkdown("stam.md", "Två", "Våldet förekommer i alla grupper i samhället.");
        corpus.WriteMarkdown("ord.md", "Tre", "Våld förekommer i alla grupper i samhället.");
        corpus.Sync();

        var scores = corpus.Search("våld").Hits.ToDictionary(h => h.Path, h => h.Score);

        Assert.Equal(["del.md", "ord.md", "stam.md"], scores.Keys.Order(StringComparer.Ordinal));
        Assert.True(scores["ord.md"] > scores["stam.md"], "the exact word above another form");
        Assert.True(scores["stam.md"] > scores["del.md"], "a whole word above a compound part");
        Assert.True(scores["del.md"] > 0);
    }
}
