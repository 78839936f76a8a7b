using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Metadata;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Corpus;

/// <summary>Runs the write path once on a small built-in document, in a throwaway in-memory index.</summary>
/// <remarks>The processes compile our code and Lucene.Net at its first call (no quick JIT, ARCHITECTURE.md decision 36).
/// A service that starts on an index that is up to date writes nothing until an editor drops a file, so that first file
/// paid for compiling extraction, metadata, analysis, the Lucene block, inversion, a flush and a near-real-time reader:
/// it took 1.0–1.1 s to become searchable, every later one ~0.3 s (stress test `nrt`). Touches neither the index nor the
/// corpus; the file lives in a temporary folder of its own.</remarks>
internal static class WritePathWarmUp
{
    private const string FileName = "uppvarmning.md";

    // Front matter, headings, a compound, an inflected word, an acronym and a legal reference: the branches a real
    // document takes.
    private const string Text = """
        ---
        title: Uppvärmning av skrivvägen
        publisher: Kunskapsbank
        year: 2026
        ---
        # Skyddsbedömning vid våld i nära relationer

        Socialtjänsten gör en skyddsbedömning med stöd av FREDA när en våldsutsatt kvinna söker hjälp,
        enligt 5 kap. 11 § SoL.

        ## Barn som upplever våld

        Barnets behov utreds för sig; barnen ska höras.
        """;

    /// <summary>As <see cref="Run"/>, for a background thread: a folder that cannot be written means no warm-up, the
    /// files are indexed without it.</summary>
    public static void RunQuietly(DocumentPipeline pipeline, IMetadataResolver resolver)
    {
        try
        {
            Run(pipeline, resolver);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The build compiles the path itself.
        }
    }

    /// <summary>True when the document went the whole way: prepared, written, flushed and found by a search.</summary>
    /// <param name="scratchParent">Where its temporary folder goes (the system's temporary folder when null).</param>
    public static bool Run(DocumentPipeline pipeline, IMetadataResolver resolver, string? scratchParent = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(resolver);
        var folder = System.IO.Directory.CreateDirectory(Path.Combine(scratchParent ?? Path.GetTempPath(), "kunskapsbank-uppvarmning-" + Guid.NewGuid().ToString("N")));
        try
        {
            var path = Path.Combine(folder.FullName, FileName);
            File.WriteAllText(path, Text);
            var info = new FileInfo(path);
            var fingerprint = new FileFingerprint(info.Length, info.LastWriteTimeUtc.Ticks, DocumentPipeline.HashFile(path));
            var outcome = pipeline.Prepare(new CorpusFile(FileName, path, info.Length, fingerprint.ModifiedTicks), fingerprint, string.Empty, resolver, CancellationToken.None);
            if (outcome.Document is not { } document)
            {
                return false;
            }

            using var directory = new RAMDirectory();
            using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null) { Similarity = IndexStore.Similarity, Codec = IndexStore.Codec });
            writer.AddDocuments(DocumentBuilder.Prepare(document).WithId(1));
            writer.AddDocument(DocumentBuilder.Ledger(new LedgerEntry(FileName, fingerprint, string.Empty, FileStates.Indexed, 1, null, null, DateTimeOffset.UtcNow)));
            writer.AddDocument(DocumentBuilder.Change(new StoredChange(1, DateTimeOffset.UtcNow, ChangeKinds.Added, FileName, null)));
            writer.Commit();
            using var reader = DirectoryReader.Open(writer, applyAllDeletes: true);
            var searcher = new IndexSearcher(reader) { Similarity = IndexStore.Similarity };
            return searcher.Search(new TermQuery(new Term(IndexSchema.Kind, IndexSchema.Kinds.Document)), 1).TotalHits == 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
