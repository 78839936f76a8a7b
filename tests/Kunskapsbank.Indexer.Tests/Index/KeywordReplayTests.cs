using Kunskapsbank.Indexer.Index;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>A keyword from <see cref="KeywordReplay"/> is indexed exactly as a StringField's, also when several share
/// one attribute set with the text fields of a block.</summary>
public sealed class KeywordReplayTests
{
    [Fact]
    public void Keywords_AreIndexedAsStringFieldsAre_WithOneSharedAttributeSet()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null)))
        {
            var attributes = TokenReplay.NewAttributes();
            writer.AddDocuments(
            [
                [KeywordReplay.Field("kind", "doc", attributes), KeywordReplay.Field("key", "17", attributes), KeywordReplay.Field("path", "mapp/en fil.md", attributes)],
                [KeywordReplay.Field("kind", "passage", attributes), KeywordReplay.Field("key", "17", attributes)],
            ]);
            writer.AddDocument([new StringField("kind", "doc", Field.Store.NO), new StringField("key", "18", Field.Store.NO), new StringField("path", "mapp/en fil.md", Field.Store.NO)]);
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        var leaf = Assert.Single(reader.Leaves).AtomicReader;
        foreach (var field in new[] { "kind", "key", "path" })
        {
            var info = leaf.FieldInfos.FieldInfo(field);
            Assert.Equal(Lucene.Net.Index.IndexOptions.DOCS_ONLY, info.IndexOptions);
            Assert.True(info.OmitsNorms);
        }

        Assert.Equal([0, 2], Docs(leaf, "kind", "doc"));
        Assert.Equal([1], Docs(leaf, "kind", "passage"));
        Assert.Equal([0, 1], Docs(leaf, "key", "17"));
        Assert.Equal([0, 2], Docs(leaf, "path", "mapp/en fil.md"));
        Assert.Equal(["doc", "passage"], Terms(leaf, "kind"));
    }

    private static List<int> Docs(AtomicReader reader, string field, string text)
    {
        var docs = new List<int>();
        var postings = reader.GetTermDocsEnum(new Term(field, text));
        if (postings is not null)
        {
            for (var doc = postings.NextDoc(); doc != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                docs.Add(doc);
            }
        }

        return docs;
    }

    private static List<string> Terms(AtomicReader reader, string field)
    {
        var terms = new List<string>();
        var termsEnum = reader.GetTerms(field)!.GetEnumerator();
        while (termsEnum.MoveNext())
        {
            terms.Add(termsEnum.Term.Utf8ToString());
        }

        return terms;
    }
}
