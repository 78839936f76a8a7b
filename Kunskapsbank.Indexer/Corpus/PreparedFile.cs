using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Corpus;

/// <summary>A file as a preparing thread hands it to the writing thread: the pipeline's outcome and, for a document, its
/// Lucene block built but for the id (building it was a tenth of the writing thread's work, and that thread is the one
/// the preparing threads wait for).</summary>
/// <param name="Fingerprint">The file's fingerprint with its content hash (a new file's is taken while it is prepared).</param>
internal sealed record PreparedFile(DocumentPipeline.Outcome Outcome, PreparedBlock? Block, FileFingerprint Fingerprint)
{
    /// <summary>The outcome with its block built on the calling thread.</summary>
    public static PreparedFile Of(DocumentPipeline.Outcome outcome, FileFingerprint fingerprint) =>
        new(outcome, outcome.Document is { } document ? DocumentBuilder.Prepare(document) : null, fingerprint);
}
