using System.Globalization;
using System.Text;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Tests.Corpus;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>A passage's page, heading path, offset, OCR flag and text travel in compressed chunks of consecutive passages
/// and read back exactly as they were extracted; one too big for a chunk keeps them as stored fields.</summary>
public sealed class PassageChunksTests
{
    [Fact]
    public void Passages_ReadBackFromTheirChunks_AsTheyWereExtracted_InAnyOrder()
    {
        using var corpus = new TestCorpus();
        var paragraphs = new List<(string Heading, string Text)>();
        var body = new StringBuilder();
        for (var section = 1; section <= 3; section++)
        {
            var heading = $"Avsnitt {section} om skyddsbedömning";
            body.Append(CultureInfo.InvariantCulture, $"## {heading}\n\n");
            for (var p = 1; p <= 12; p++)
            {
                var text = Paragraph(section, p);
                paragraphs.Add((heading, text));
                body.Append(text).Append("\n\n");
            }
        }

        corpus.WriteMarkdown("lang.md", "Lång vägledning", body.ToString());
        corpus.Sync();

        OnTheOnlyDocument(corpus, (searcher, doc, id) => ReadBackInAnyOrder(searcher, doc, id, paragraphs));
        Assert.Empty(IndexChecker.Check(corpus.IndexPath));
    }

    private static void ReadBackInAnyOrder(IndexSearcher searcher, int doc, long id, List<(string Heading, string Text)> paragraphs)
    {
        var passages = StoredReading.ReadPassages(searcher, id);

        Assert.Equal(paragraphs.Select(p => p.Text), passages.Select(p => p.Text));
        Assert.Equal(Enumerable.Range(0, paragraphs.Count), passages.Select(p => p.Ordinal));
        Assert.Equal(paragraphs.Select(p => p.Heading), passages.Select(p => p.HeadingPath[^1]));
        Assert.All(passages, p => Assert.Equal((id * IndexSchema.PassageIdStride) + p.Ordinal, p.Id));
        for (var i = 1; i < passages.Count; i++)
        {
            Assert.True(passages[i].Offset > passages[i - 1].Offset + passages[i - 1].Text.Length);
        }

        // One reader, passages asked for backwards (it keeps only the chunk it read last).
        var chunks = new PassageChunkReader(searcher);
        for (var ordinal = passages.Count - 1; ordinal >= 0; ordinal--)
        {
            var read = chunks.Read(doc + 1 + ordinal, id);
            var expected = passages[ordinal];
            Assert.Equal((expected.Id, expected.Ordinal, expected.Page, expected.Offset, expected.Text, expected.IsOcr), (read.Id, read.Ordinal, read.Page, read.Offset, read.Text, read.IsOcr));
            Assert.Equal(expected.HeadingPath, read.HeadingPath);
        }

        Assert.True(ChunkCount(searcher.IndexReader) > 1, "36 passages of ~500 characters should fill more than one chunk");
    }

    [Fact]
    public void Pack_StartsAChunkAtTheFirstPassage_AndClosesItOnceItHoldsTheTargetSize()
    {
        var passages = Enumerable.Range(0, 40).Select(i => new ExtractedPassage(Paragraph(1, i), i / 10, ["Rubrik"], i * 600)).ToList();

        var values = PassageChunks.Pack(passages, passages.Count);

        Assert.NotNull(values[0]);
        var starts = Enumerable.Range(0, values.Length).Where(i => values[i] is not null).ToList();
        Assert.InRange(starts.Count, 2, 4);
        Assert.All(values.OfType<byte[]>(), v => Assert.InRange(v.Length, 2, PassageChunks.MaxValueBytes));
        Assert.DoesNotContain(values.OfType<byte[]>(), v => PassageChunks.IsStoredMarker(v));
    }

    [Fact]
    public void Pack_APassageThatDoesNotFitADocValue_IsMarkedStored_AndItsNeighboursStillChunk()
    {
        ExtractedPassage[] passages =
        [
            new(Paragraph(1, 1), 1, [], 0),
            new(Paragraph(1, 2), 1, [], 600),
            new(Incompressible(40_000), 2, [], 1200),
            new(Paragraph(1, 3), 3, [], 90_000),
        ];

        var values = PassageChunks.Pack(passages, passages.Length);

        Assert.NotNull(values[0]);
        Assert.False(PassageChunks.IsStoredMarker(values[0]));
        Assert.True(values[2] is { } stored && PassageChunks.IsStoredMarker(stored));
        Assert.True(values[3] is { } last && !PassageChunks.IsStoredMarker(last));
    }

    [Fact]
    public void APassageWithAHeadingTooBigForAChunk_IsStored_AndReadsBackBetweenItsNeighbours()
    {
        using var corpus = new TestCorpus();
        var heading = Incompressible(40_000);
        corpus.WriteMarkdown("a.md", "Rubriker", $"## Kort rubrik\n\n{Paragraph(1, 1)}\n\n## {heading}\n\n{Paragraph(1, 2)}\n\n## Sista\n\n{Paragraph(1, 3)}");
        corpus.Sync();

        OnTheOnlyDocument(corpus, (searcher, doc, id) =>
        {
            var passages = StoredReading.ReadPassages(searcher, id);

            Assert.Equal([Paragraph(1, 1), Paragraph(1, 2), Paragraph(1, 3)], passages.Select(p => p.Text));
            Assert.Equal(["Kort rubrik", heading, "Sista"], passages.Select(p => p.HeadingPath[^1]));
            Assert.NotNull(searcher.Doc(doc + 2).Get(IndexSchema.Text));
            Assert.Null(searcher.Doc(doc + 1).Get(IndexSchema.Text));
            Assert.Equal(Paragraph(1, 3), StoredReading.ReadPassage(searcher, doc + 3, id).Text);
        });
        Assert.Empty(IndexChecker.Check(corpus.IndexPath));
    }

    // The index's one document: a searcher, its global doc number and its id.
    private static void OnTheOnlyDocument(TestCorpus corpus, Action<IndexSearcher, int, long> check)
    {
        using var directory = IndexFolder.OpenDirectory(corpus.IndexPath, create: false);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var doc = Assert.Single(StoredReading.AllOfKind(searcher, IndexSchema.Kinds.Document));
        check(searcher, doc, StoredReading.ReadSummary(searcher, doc).Id);
    }

    private static string Paragraph(int section, int number) =>
        $"Stycke {number} i avsnitt {section}. Socialtjänsten gör en skyddsbedömning när ett barn kan vara utsatt för våld i nära relationer, " +
        $"och bedömningen dokumenteras samma dag. Handläggaren talar med barnet enskilt, med den våldsutsatta föräldern och med skolan, " +
        $"och beslutar om skyddet räcker. Bedömning nummer {(section * 100) + number} följer FREDA-kortfrågorna och Socialstyrelsens " +
        $"föreskrifter om våld i nära relationer. Ärendet följs upp inom två veckor av en annan handläggare på enheten.";

    // CJK characters apart: short words for the analyser, but text no compressor shrinks much.
    private static string Incompressible(int characters)
    {
        var random = new Random(42);
        var text = new StringBuilder(characters * 2);
        for (var i = 0; i < characters; i++)
        {
            text.Append((char)random.Next(0x4E00, 0x9FFF)).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    private static int ChunkCount(IndexReader reader)
    {
        var count = 0;
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetBinaryDocValues(IndexSchema.PassageChunk);
            var bytes = new Lucene.Net.Util.BytesRef();
            for (var doc = 0; values is not null && doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                values.Get(doc, bytes);
                count += bytes.Length > 0 ? 1 : 0;
            }
        }

        return count;
    }
}
