using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Index;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>A zone writer that cannot write on its own thread fails the flush on the flushing thread — no hang, no
/// half-written segment — and the index stays at its last commit.</summary>
public sealed class ZoneWriterFailureTests
{
    private static readonly Analyzer Analyzer = SwedishAnalyzer.Create();

    [Theory]
    [InlineData(ZoneWriter.StemSuffix)]
    [InlineData(ZoneWriter.DerivedSuffix)]
    public void A_zone_writer_that_cannot_write_fails_the_commit_and_the_last_commit_stays(string suffix)
    {
        using var directory = new FailingZoneFiles(new RAMDirectory(), "_Lucene41_" + suffix + ".");
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, null)
        {
            Similarity = IndexStore.Similarity,
            Codec = new KunskapsbankCodec(zonesInBackgroundFrom: 1, chunkBytes: 64),
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            writer.AddDocument(Document("Våldsutsatta kvinnor får stöd av kvinnojouren."));
            writer.Commit();

            directory.Failing = true;
            for (var i = 0; i < 200; i++)
            {
                writer.AddDocument(Document($"Skyddsbedömningen nummer {i} görs av socialtjänsten och kontaktförbudet prövas."));
            }

            var failure = Assert.ThrowsAny<IOException>(writer.Commit);
            Assert.Equal(FailingZoneFiles.Message, failure.Message);

            // The first write that failed was the zone writer's, on its own thread, not the committing one.
            Assert.NotEqual(0, directory.FirstFailureThread);
            Assert.NotEqual(Environment.CurrentManagedThreadId, directory.FirstFailureThread);
            writer.Rollback();
        }

        directory.Failing = false;
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(1, reader.NumDocs);
        Assert.Equal(1, reader.DocFreq(new Term(IndexSchema.Body, "kvinnojour")));
    }

    private static LuceneDocument Document(string text)
    {
        var tokens = new FieldTokens();
        tokens.Add(Analyzer.Analyze(text), 0);
        var doc = new LuceneDocument();
        DocumentBuilder.AddZone(doc, IndexSchema.Zones[2], tokens, TokenReplay.NewAttributes(), []);
        return doc;
    }

    // Writing to the files of one zone writer fails (a full disk) while Failing is set, after the files' headers, which
    // are written where the files are created.
    private sealed class FailingZoneFiles(Lucene.Net.Store.Directory inner, string marker) : FilterDirectory(inner)
    {
        public const string Message = "Disken är full.";
        private const int HeaderBytes = 128;

        private int _firstFailureThread;

        public volatile bool Failing;

        public int FirstFailureThread => Volatile.Read(ref _firstFailureThread);

        public override IndexOutput CreateOutput(string name, IOContext context)
        {
            var output = base.CreateOutput(name, context);
            return Failing && name.Contains(marker, StringComparison.Ordinal) ? new FailingOutput(output, this) : output;
        }

        public void Fail(long position)
        {
            if (position >= HeaderBytes)
            {
                Interlocked.CompareExchange(ref _firstFailureThread, Environment.CurrentManagedThreadId, 0);
                throw new IOException(Message);
            }
        }
    }

    private sealed class FailingOutput(IndexOutput inner, FailingZoneFiles files) : IndexOutput
    {
        public override long Position => inner.Position;

        public override long Checksum => inner.Checksum;

        public override long Length => inner.Length;

        public override void WriteByte(byte b)
        {
            files.Fail(inner.Position + 1);
            inner.WriteByte(b);
        }

        public override void WriteBytes(byte[] b, int offset, int length)
        {
            files.Fail(inner.Position + length);
            inner.WriteBytes(b, offset, length);
        }

        public override void Flush() => inner.Flush();

        [Obsolete("Only as Lucene's own outputs do.")]
        public override void Seek(long pos) => inner.Seek(pos);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
        }
    }
}
