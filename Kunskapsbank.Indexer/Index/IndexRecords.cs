using System.Text.Json.Serialization;
using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Index;

/// <summary>A file's identity on disk: size and time as the cheap check, SHA-256 of the content as the real one.</summary>
public sealed record FileFingerprint(long Size, long ModifiedTicks, string ContentHash);

/// <summary>One ledger entry: what the index knows about a file of the corpus, indexed or failed.</summary>
/// <param name="Path">Relative to the corpus root, forward slashes, as spelled on disk.</param>
/// <param name="MetadataHash">Hash of the sidecar and taxonomy in force when the file was handled.</param>
/// <param name="State">`indexed`, `failed` or `ocr` (<see cref="FileStates"/>).</param>
/// <param name="DocumentId">The document of an indexed file.</param>
/// <param name="RecordedAt">When the file was indexed or failed.</param>
public sealed record LedgerEntry(
    string Path,
    FileFingerprint Fingerprint,
    string MetadataHash,
    string State,
    long? DocumentId,
    string? FailureKind,
    string? FailureReason,
    DateTimeOffset RecordedAt)
{
    /// <summary>Scanned pages of the file: waiting for OCR while <see cref="State"/> is `ocr`, read by OCR once indexed.</summary>
    public int OcrPages { get; init; }

    /// <summary>True when the file is fully indexed (a document exists and nothing waits for OCR).</summary>
    public bool IsIndexed => State == FileStates.Indexed && DocumentId is not null;

    /// <summary>True when a document exists for this file: indexed, or a mixed PDF whose text pages are searchable
    /// while its scanned pages wait for OCR.</summary>
    public bool HasDocument => DocumentId is not null && State is FileStates.Indexed or FileStates.Ocr;

    /// <summary>True while scanned pages of the file wait for the background OCR queue.</summary>
    public bool AwaitsOcr => State == FileStates.Ocr;
}

/// <summary>The analysed text of a document: title, and per passage its heading and body, analysed once each.</summary>
/// <param name="Headings">Per passage the tokens of its innermost heading (empty when it has none).</param>
/// <param name="Bodies">Per passage the tokens of its text.</param>
public sealed record AnalysedText(
    IReadOnlyList<Token> Title,
    IReadOnlyList<IReadOnlyList<Token>> Headings,
    IReadOnlyList<IReadOnlyList<Token>> Bodies);

/// <summary>A document ready to be written: metadata, passages and their analysed text.</summary>
public sealed record IndexedDocument(
    string Path,
    FileFingerprint Fingerprint,
    string MetadataHash,
    string ContentType,
    int? PageCount,
    DocumentMetadata Metadata,
    IReadOnlyList<string> Problems,
    IReadOnlyList<ExtractedPassage> Passages,
    AnalysedText Analysed);

/// <summary>A document's summary, as the result list shows it; the base of every record that describes one document
/// (<see cref="Search.SearchHit"/>, <see cref="Search.DocumentDetails"/>, <see cref="Corpus.ReportedDocument"/>), so its
/// fields are written once and the JSON of each stays flat.</summary>
/// <param name="Id">Stable document id (the API addresses documents by it, never by path).</param>
/// <param name="Path">Relative to the corpus root, forward slashes.</param>
/// <param name="Status">`gallande`, `ersatt` or `upphavd`.</param>
/// <param name="SupersededBy">The path an editor gave as "ersatt av", as written.</param>
/// <remarks>Its fields come first in JSON (System.Text.Json writes a derived type's own properties first otherwise).</remarks>
public record DocumentSummary(
    [property: JsonPropertyOrder(-1)] long Id,
    [property: JsonPropertyOrder(-1)] string Path,
    [property: JsonPropertyOrder(-1)] string Title,
    [property: JsonPropertyOrder(-1)] string? Publisher,
    [property: JsonPropertyOrder(-1)] int? Year,
    [property: JsonPropertyOrder(-1)] string? DocumentType,
    [property: JsonPropertyOrder(-1)] string Status,
    [property: JsonPropertyOrder(-1)] string? SupersededBy);

/// <summary>A stored passage with its place in the document.</summary>
/// <param name="IsOcr">True when the text was read from a scanned page by OCR ("tolkad text").</param>
public sealed record StoredPassage(long Id, long DocumentId, int Ordinal, int? Page, IReadOnlyList<string> HeadingPath, int Offset, string Text, bool IsOcr = false);

/// <summary>A document's stored details (for the report, the document page and moves).</summary>
public sealed record StoredDocument(
    DocumentSummary Summary,
    string ContentType,
    int? PageCount,
    IReadOnlyList<FacetTag> Tags,
    IReadOnlyList<string> Problems,
    string? Supersedes);

/// <summary>One recent change, newest first in reports.</summary>
public sealed record StoredChange(long Sequence, DateTimeOffset Time, string Kind, string Path, string? OldPath);

/// <summary>One vocabulary entry: a term and in how many documents it occurs.</summary>
public readonly record struct VocabularyEntry(string Term, int DocumentCount);
