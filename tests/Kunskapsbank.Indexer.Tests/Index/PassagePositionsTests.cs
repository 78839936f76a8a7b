using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Highlighting;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Tests.Corpus;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>A passage's text is read from its stretch of the document's body positions: the stretches are where the
/// replay puts each passage, and the frequencies and lengths read there are those of the passage's own analysed text.</summary>
public sealed class PassagePositionsTests
{
    private static readonly Analyzer Analyzer = SwedishAnalyzer.Create();

    [Fact]
    public void PositionalStarts_AreWhereTheReplayPutsEachSegment()
    {
        var tokens = new FieldTokens();
        string[] texts =
        [
            "Partnervåld och hedersrelaterat våld drabbar barn.",
            "Våldsutsatta kvinnor får stöd av kvinnojouren dygnet runt.",
            "…",
            "Skolan gör en orosanmälan till socialtjänsten enligt 14 kap. 1 § SoL.",
            "Barn som upplever våld i nära relationer är brottsoffer.",
        ];
        var segments = new List<(int Segment, int Terms)>();
        foreach (var text in texts)
        {
            var analysed = Analyzer.Analyze(text);
            if (analysed.Count > 0)
            {
                segments.Add((tokens.SegmentCount, analysed.Count(t => FieldTokens.Takes(FieldTokenKind.Positional, t))));
            }

            tokens.Add(analysed, 0);
        }

        var starts = tokens.PositionalStarts();
        var positions = Replayed(tokens);

        Assert.Equal(tokens.SegmentCount, starts.Length);
        var at = 0;
        foreach (var (segment, terms) in segments)
        {
            var end = segment + 1 < starts.Length ? starts[segment + 1] : int.MaxValue;
            for (var i = 0; i < terms; i++, at++)
            {
                Assert.InRange(positions[at], starts[segment], end - 1);
            }

            if (terms > 0)
            {
                Assert.Equal(starts[segment], positions[at - terms]);
            }
        }

        Assert.Equal(positions.Count, at);
    }

    [Fact]
    public void Layout_RoundTrips_AndFindsThePassageOfEachPosition()
    {
        var layout = new PassagePositions([0, -1, 130, 400], [12, 0, 30, 1]);

        var decoded = PassagePositions.Decode(layout.Encode(), 0, layout.Encode().Length);

        Assert.Equal(4, decoded.Count);
        Assert.Equal([12, 0, 30, 1], Enumerable.Range(0, 4).Select(decoded.Length));
        Assert.Equal(0, decoded.PassageAt(0));
        Assert.Equal(0, decoded.PassageAt(129));
        Assert.Equal(2, decoded.PassageAt(130));
        Assert.Equal(2, decoded.PassageAt(399));
        Assert.Equal(3, decoded.PassageAt(400));
        Assert.Equal(3, decoded.PassageAt(10_000));
        Assert.Equal(-1, new PassagePositions([-1, 5], [0, 2]).PassageAt(4));
        Assert.Equal(0, PassagePositions.Decode([], 0, 0).Count);
    }

    [Fact]
    public void PassageText_FrequenciesAndLengths_AreThoseOfEachPassagesOwnAnalysedText()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Våld i nära relationer", "## Partnervåld\n\nPartnervåld är våld. Våldet upprepas, och våldsutsatta kvinnor behöver stöd.\n\n## Barn\n\nBarn som upplever våld är brottsoffer. Barnen får stöd av socialtjänsten.\n\n## Siffror\n\n14 kap. 1 § SoL\n\n## Stöd\n\nKvinnojourer och stödlinjer ger stöd till våldsutsatta.");
        corpus.WriteMarkdown("b.md", "Skolan", "## Skolan\n\nSkolan gör en orosanmälan när barn far illa. Våld i skolan.\n\n## Stöd\n\nElevhälsan ger stöd.");
        corpus.Sync();

        using var directory = IndexFolder.OpenDirectory(corpus.IndexPath, create: false);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var documents = Documents(searcher);
        var expected = new Dictionary<(int Doc, string Stem), int>();
        var lengths = new Dictionary<int, int>();
        foreach (var document in documents)
        {
            for (var ordinal = 0; ordinal < document.Passages; ordinal++)
            {
                var doc = document.Doc + 1 + ordinal;
                var terms = Analyzer.Analyze(StoredReading.ReadPassage(searcher, doc, document.Id).Text).Where(t => FieldTokens.Takes(FieldTokenKind.Terms, t)).ToList();
                lengths[doc] = terms.Count;
                foreach (var term in terms)
                {
                    expected[(doc, term.Term)] = expected.GetValueOrDefault((doc, term.Term)) + 1;
                }
            }
        }

        var postings = new PassagePostings(searcher, documents, new ReusableEnums());
        var similarity = new BM25Similarity();
        var read = new Dictionary<(int Doc, string Stem), int>();
        foreach (var stem in expected.Keys.Select(k => k.Stem).Distinct())
        {
            foreach (var hit in postings.InText(stem).PerDocument.SelectMany(hits => hits ?? []))
            {
                read[(hit.Doc, stem)] = hit.Freq;
                Assert.Equal((byte)similarity.ComputeNorm(new FieldInvertState("p", 0, lengths[hit.Doc], 0, 0, 1f)), hit.Norm);
            }
        }

        Assert.Contains(expected.Keys, k => k.Stem == "våld" && expected[k] > 1);
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), read.OrderBy(e => e.Key).ToList());
        Assert.Equal(lengths.Values.Count(l => l > 0), searcher.CollectionStatistics(IndexSchema.PassageText).DocCount);
    }

    // The position of each token a positional field gets, as Lucene adds up the increments.
    private static List<int> Replayed(FieldTokens tokens)
    {
        using var stream = new TokenReplay(tokens, FieldTokenKind.Positional, TokenReplay.NewAttributes());
        var increment = stream.GetAttribute<IPositionIncrementAttribute>();
        var positions = new List<int>();
        var position = -1;
        stream.Reset();
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            positions.Add(position);
        }

        stream.End();
        return positions;
    }

    private static List<PassageFinder.PageDocument> Documents(IndexSearcher searcher)
    {
        var documents = new List<PassageFinder.PageDocument>();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var ids = leaf.AtomicReader.GetNumericDocValues(IndexSchema.Id);
            var passages = leaf.AtomicReader.GetNumericDocValues(IndexSchema.PassageCount);
            var kinds = leaf.AtomicReader.GetTerms(IndexSchema.Kind)!.GetEnumerator();
            Assert.True(kinds.SeekExact(new Lucene.Net.Util.BytesRef(IndexSchema.Kinds.Document)));
            var docs = kinds.Docs(leaf.AtomicReader.LiveDocs, null);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                documents.Add(new PassageFinder.PageDocument(ids!.Get(doc), leaf.DocBase + doc, (int)passages!.Get(doc), new HashSet<string>()));
            }
        }

        return documents;
    }
}
