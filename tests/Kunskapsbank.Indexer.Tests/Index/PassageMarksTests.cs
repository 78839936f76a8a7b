using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Tests.Corpus;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>A document's kind term carries its passages' kind and text marks, and the flush writes them onto the passages
/// (<see cref="PassageMarks"/>): every passage has the passage kind, and the text mark exactly when its text has terms,
/// after a clean build, a change and a merge.</summary>
public sealed class PassageMarksTests
{
    private static readonly Analyzer Analyzer = SwedishAnalyzer.Create();

    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(12, new int[0])]
    [InlineData(12, new[] { 0, 3, 11 })]
    public void A_documents_kind_term_reads_back_as_written(int passages, int[] withoutText)
    {
        var term = PassageMarks.DocumentKind(passages, withoutText)!;
        var read = new List<int>();

        Assert.True(PassageMarks.TryRead(System.Text.Encoding.UTF8.GetBytes(term), out var count, read));
        Assert.Equal(passages, count);
        Assert.Equal(withoutText, read);
        Assert.False(PassageMarks.TryRead("file"u8, out _, read));
        Assert.False(PassageMarks.TryRead("doc"u8, out _, read));
    }

    [Fact]
    public void Every_passage_has_its_kind_and_the_text_mark_exactly_when_its_text_has_terms()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Våld i nära relationer", "## Partnervåld\n\nPartnervåld är våld.\n\n## Tomt\n\noch det är\n\n## Barn\n\nBarn som upplever våld är brottsoffer.");
        corpus.WriteMarkdown("b.md", "Skolan", "## Skolan\n\nSkolan gör en orosanmälan.\n\n## Stöd\n\nElevhälsan ger stöd.");
        corpus.Write("c.txt", "Ett stycke utan rubrik.\n\nOch ett till om kvinnojourer.");
        corpus.Sync();
        AssertMarks(corpus, expectTextless: true);

        // Changed: the new block replaces the old, and the old passages go with it.
        corpus.WriteMarkdown("b.md", "Skolan", "## Skolan\n\nSkolan gör en orosanmälan till socialtjänsten.\n\n## Tomt\n\nvi de\n\n## Stöd\n\nElevhälsan.");
        corpus.Sync();
        AssertMarks(corpus, expectTextless: true);

        corpus.Index.Store.Writer.ForceMerge(1);
        corpus.Index.Store.Writer.Commit();
        AssertMarks(corpus, expectTextless: true);
    }

    [Fact]
    public void A_document_with_more_textless_passages_than_a_term_can_list_marks_them_one_by_one()
    {
        var withoutText = Enumerable.Range(0, 2_000).ToList();
        Assert.Null(PassageMarks.DocumentKind(2_000, withoutText));

        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("lang.md", "Många rubriker", string.Join("\n\n", Enumerable.Range(1, 1_500).Select(i => $"## Avsnitt {i}\n\noch det är")));
        corpus.WriteMarkdown("kort.md", "Skolan", "## Skolan\n\nSkolan gör en orosanmälan.\n\n## Tomt\n\noch det");
        corpus.Write("c.txt", "Ett stycke om kvinnojourer.");
        corpus.Sync();
        AssertMarks(corpus, expectTextless: true);
        using var directory = IndexFolder.OpenDirectory(corpus.IndexPath, create: false);
        using var reader = DirectoryReader.Open(directory);
        Assert.True(StoredReading.AllOfKind(new IndexSearcher(reader), IndexSchema.Kinds.Passage).Count > 1_500);
    }

    private static void AssertMarks(TestCorpus corpus, bool expectTextless)
    {
        using var directory = IndexFolder.OpenDirectory(corpus.IndexPath, create: false);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var documents = LiveDocs(reader, new Term(IndexSchema.Kind, IndexSchema.Kinds.Document));
        var passages = LiveDocs(reader, new Term(IndexSchema.Kind, IndexSchema.Kinds.Passage));
        var marked = LiveDocs(reader, new Term(IndexSchema.PassageText, IndexSchema.PassageTextMark));

        var expectedPassages = new SortedSet<int>();
        var expectedMarked = new SortedSet<int>();
        foreach (var doc in documents)
        {
            var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
            var count = (int)leaf.AtomicReader.GetNumericDocValues(IndexSchema.PassageCount).Get(doc - leaf.DocBase);
            var id = leaf.AtomicReader.GetNumericDocValues(IndexSchema.Id).Get(doc - leaf.DocBase);
            for (var ordinal = 0; ordinal < count; ordinal++)
            {
                var passage = doc + 1 + ordinal;
                expectedPassages.Add(passage);
                if (Analyzer.Analyze(StoredReading.ReadPassage(searcher, passage, id).Text).Any(t => FieldTokens.Takes(FieldTokenKind.Terms, t)))
                {
                    expectedMarked.Add(passage);
                }
            }
        }

        Assert.Equal(3, documents.Count);
        Assert.Equal(expectedPassages, passages);
        Assert.Equal(expectedMarked, marked);
        Assert.True(!expectTextless || expectedMarked.Count < expectedPassages.Count);
        Assert.Equal(expectedMarked.Count, searcher.CollectionStatistics(IndexSchema.PassageText).DocCount - Deleted(reader, IndexSchema.PassageText));
    }

    private static SortedSet<int> LiveDocs(IndexReader reader, Term term)
    {
        var docs = new SortedSet<int>();
        foreach (var leaf in reader.Leaves)
        {
            var postings = leaf.AtomicReader.GetTermDocsEnum(term);
            var live = leaf.AtomicReader.LiveDocs;
            for (var doc = postings?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS; doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings!.NextDoc())
            {
                if (live is null || live.Get(doc))
                {
                    docs.Add(leaf.DocBase + doc);
                }
            }
        }

        return docs;
    }

    // Lucene's document count includes deleted documents until a merge drops them.
    private static int Deleted(IndexReader reader, string field)
    {
        var deleted = 0;
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(field);
            var live = leaf.AtomicReader.LiveDocs;
            if (terms is null || live is null)
            {
                continue;
            }

            var e = terms.GetEnumerator();
            var seen = new FixedBitSet(leaf.AtomicReader.MaxDoc);
            while (e.MoveNext())
            {
                var docs = e.Docs(null, null);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    if (!live.Get(doc) && !seen.Get(doc))
                    {
                        seen.Set(doc);
                        deleted++;
                    }
                }
            }
        }

        return deleted;
    }
}
