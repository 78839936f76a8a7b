using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Index;

/// <summary>What the index remembers about a file to decide whether it changed.</summary>
/// <param name="Path">Relative to the corpus root, forward slashes, as spelled on disk.</param>
/// <param name="MetadataHash">Hash of the sidecar and taxonomy in force when the document was resolved.</param>
public sealed record StoredFile(long Id, string Path, string ContentHash, long Size, long ModifiedTicks, string MetadataHash);

/// <summary>A file's identity on disk: size and time as the cheap check, SHA-256 of the content as the real one.</summary>
public sealed record FileFingerprint(long Size, long ModifiedTicks, string ContentHash);

/// <summary>The analysed text of one FTS5 row, one space-separated term string per column.</summary>
/// <remarks>Words are the lower-cased surface forms, stems the index terms, parts the compound parts' terms.</remarks>
public sealed record FtsColumns(
    string TitleWords,
    string TitleStems,
    string HeadingWords,
    string HeadingStems,
    string BodyWords,
    string BodyStems,
    string Parts);

/// <summary>A document ready to be written: metadata, passages and their analysed columns.</summary>
/// <param name="DocumentColumns">The whole document as one row (title, all headings, all passages).</param>
/// <param name="PassageColumns">One row per passage, in the order of <paramref name="Passages"/>.</param>
public sealed record IndexedDocument(
    string Path,
    FileFingerprint Fingerprint,
    string MetadataHash,
    string ContentType,
    int? PageCount,
    DocumentMetadata Metadata,
    IReadOnlyList<string> Problems,
    IReadOnlyList<ExtractedPassage> Passages,
    FtsColumns DocumentColumns,
    IReadOnlyList<FtsColumns> PassageColumns);

/// <summary>A failed file as stored, with the fingerprint that failed (so an unchanged broken file is not retried).</summary>
public sealed record StoredFailure(string Path, string Kind, string Reason, long Size, long ModifiedTicks, string ContentHash);

/// <summary>A document's searchable summary, cached in memory by the search side.</summary>
public sealed record DocumentSummary(
    long Id,
    string Path,
    string Title,
    string? Publisher,
    int? Year,
    string? DocumentType,
    string Status,
    string? SupersededBy);

/// <summary>A stored passage with its place in the document.</summary>
public sealed record StoredPassage(long Id, long DocumentId, int Ordinal, int? Page, IReadOnlyList<string> HeadingPath, string Text);

/// <summary>A document's full stored row (for the report and the document page).</summary>
public sealed record StoredDocument(
    DocumentSummary Summary,
    string ContentType,
    int? PageCount,
    IReadOnlyList<FacetTag> Tags,
    IReadOnlyList<string> Problems);

/// <summary>One vocabulary entry: a term and in how many documents it occurs.</summary>
public readonly record struct VocabularyEntry(string Term, int DocumentCount);
