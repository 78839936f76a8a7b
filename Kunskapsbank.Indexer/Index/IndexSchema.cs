using Lucene.Net.Documents;
using LuceneIndexOptions = Lucene.Net.Index.IndexOptions;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Every field of the Lucene index, how it is indexed and why. The one place the index's shape is written down.</summary>
/// <remarks>
/// One index folder holds four kinds of Lucene documents, told apart by <see cref="Kind"/> (a StringField, not stored):
/// <list type="table">
/// <listheader><term>kind / field</term><description>indexed how · norms · stored · doc values — why</description></listheader>
/// <item><term><c>doc</c></term><description>one per indexed file: the unit of matching and ranking.</description></item>
/// <item><term><see cref="DocumentKey"/></term><description>StringField (docs only), not stored — delete and look up
/// a document together with its passages by one term.</description></item>
/// <item><term><see cref="Id"/>, <see cref="Year"/>, <see cref="Status"/>, <see cref="PassageCount"/></term><description>numeric
/// doc values — the collector reads id, the year sort key and the status factor per hit without touching stored fields;
/// the passages follow their document as one block, so the count gives their doc-number range.</description></item>
/// <item><term><see cref="Path"/></term><description>StringField (docs only), not stored — resolves "ersatt av" to a document.</description></item>
/// <item><term><see cref="Summary"/></term><description>binary doc values — what the result list shows (id, path, title,
/// publisher, year, type, status, superseded by), one decode per hit (a stored-field read costs ~0.1 ms).</description></item>
/// <item><term><see cref="Facet"/>, <see cref="FacetLabel"/></term><description>sorted-set doc values
/// (<c>facet␟value</c> and <c>facet␟value␟label</c>) — counting over all hits from per-segment ordinals.</description></item>
/// <item><term><see cref="Title"/>, <see cref="Heading"/>, <see cref="Body"/></term><description>positions, norms, not
/// stored — whole-word stems and compound parts (at position increment 0, so phrases still match); a stop word leaves
/// its position empty (a phrase's stop word only holds a place, and stop words were a quarter of the body's tokens). The
/// only positional fields: phrases need them, nothing else does.</description></item>
/// <item><term><see cref="TitleParts"/>, <see cref="HeadingParts"/>, <see cref="BodyParts"/></term><description>freqs,
/// no norms — the compound parts only: a stem scores above a compound part that shares it, so a query word subtracts
/// its part occurrences from its positional ones (fewer tokens than a whole-word stem field: indexing inverts a part
/// twice, a whole word once less).</description></item>
/// <item><term><see cref="TitleWords"/>, <see cref="HeadingWords"/>, <see cref="BodyWords"/></term><description>freqs,
/// no norms (nothing reads them) — the exact surface words (exact above stem), the prefix field, and the vocabulary for
/// corrections and typeahead.</description></item>
/// <item><term><see cref="Zones"/></term><description>how the three are written: a document inverts one field per zone
/// (stems spelled with their surface forms, and marked parts, <see cref="ZoneSpelling"/>) under the positional field's
/// name, plus its stop words as one mask term in the word field (<see cref="StopWordMask"/>) and its stop-word parts in the
/// parts field, and flushing a segment regroups them into the three fields (<see cref="ZonePostingsFormat"/>): half the
/// pairs Lucene inverts in memory, the same segment on disk.</description></item>
/// <item><term><see cref="Details"/></term><description>stored only — JSON of what only the document page, the report and a
/// move need (tags with source and reason, problems, content type, page count, metadata).</description></item>
/// <item><term><see cref="Lengths"/></term><description>binary doc values — the token count of each text field, and
/// how many of its passages have text or a heading with their token counts, so the statistics of deleted documents and
/// passages can be subtracted exactly (see <c>Ranking/LiveStatisticsSearcher</c>).</description></item>
/// <item><term><c>passage</c></term><description>one per passage (paragraph, page or section): the unit of placement.
/// <see cref="DocumentKey"/>; no doc values: a passage's document is the one its block starts with, its
/// ordinal its distance from it, and its lengths count in its document's (a doc value per passage cost the writing
/// thread a reflective size estimate each);
/// <see cref="PassageHeading"/> freqs + norms (BM25 of the paragraph's heading; none for a heading that only repeats the
/// title, which chose the document, not the passage); <see cref="PassageText"/> one term, docs
/// only, on a passage whose text has terms — the text's own terms are not inverted again: a passage's share of the
/// document's <see cref="Body"/> positions is its text (<see cref="PassageLayout"/>); stored: ordinal, page, heading path,
/// offset, OCR flag and the text. A passage inverts neither its kind nor its text mark: its document's kind term says how
/// many passages follow and which have no text, and the flush writes both onto them (<see cref="PassageMarks"/>).</description></item>
/// <item><term><see cref="PassageLayout"/></term><description>binary doc values on the document — per passage the first
/// <see cref="Body"/> position of its text and its number of terms (the length BM25 gives the paragraph).</description></item>
/// <item><term><c>file</c></term><description>the ledger, one per file in the corpus (indexed or failed): <see cref="FilePath"/>
/// StringField (indexed and stored) plus stored size, modification time, SHA-256, metadata hash, state, failure kind and
/// reason, document id, when, and the scanned pages (waiting for OCR in state <c>ocr</c>, read by OCR once indexed).
/// Written in the same commit as its document, so the two cannot disagree.</description></item>
/// <item><term><c>change</c></term><description>recent changes for editors: <see cref="ChangeSequence"/> (Int64Field, for
/// pruning to the newest <see cref="RecentChangesKept"/>) and stored time, kind, path, old path.</description></item>
/// </list>
/// Commit user data (<see cref="CommitData"/>) holds the schema version, the next document id, the next change number and
/// the time of the last completed sync. Bump <see cref="Version"/> whenever a field, the analysis or the extraction
/// changes: an index of an older version is rebuilt on open.
/// </remarks>
public static class IndexSchema
{
    /// <summary>The schema version; an index of another version is rebuilt (older) or refused (newer).</summary>
    public const int Version = 19;

    /// <summary>Passage ids are document id times this plus the ordinal.</summary>
    public const long PassageIdStride = 1_000_000;

    /// <summary>How many change entries are kept.</summary>
    public const int RecentChangesKept = 500;

    /// <summary>Positions left between passages (and between headings) so a phrase never spans two of them.</summary>
    public const int PositionGap = 100;

    /// <summary>Separates the parts of a facet term (facet, value, label); never occurs in ids or labels.</summary>
    public const char Separator = '\u001F';

    /// <summary>The kind of a Lucene document.</summary>
    public const string Kind = "kind";

    /// <summary>Kind values.</summary>
    public static class Kinds
    {
        /// <summary>An indexed document.</summary>
        public const string Document = "doc";

        /// <summary>A passage of a document.</summary>
        public const string Passage = "passage";

        /// <summary>A ledger entry.</summary>
        public const string File = "file";

        /// <summary>A recent change.</summary>
        public const string Change = "change";
    }

    /// <summary>The document id as a term, on a document and on its passages.</summary>
    public const string DocumentKey = "doc_key";

    /// <summary>Document id (numeric doc values).</summary>
    public const string Id = "id";

    /// <summary>Number of passages of a document (numeric doc values): they follow it as one block.</summary>
    public const string PassageCount = "passages";

    /// <summary>Year (numeric doc values; 0 when unknown).</summary>
    public const string Year = "year";

    /// <summary>Status code (numeric doc values: 0 current, 1 superseded, 2 repealed).</summary>
    public const string Status = "status";

    /// <summary>Relative path of a document (StringField).</summary>
    public const string Path = "path";

    /// <summary>The result-list summary (binary doc values).</summary>
    public const string Summary = "summary";

    /// <summary>Facet values, <c>facet␟value</c> (sorted-set doc values).</summary>
    public const string Facet = "facet";

    /// <summary>Facet value labels, <c>facet␟value␟label</c> (sorted-set doc values).</summary>
    public const string FacetLabel = "facet_label";

    /// <summary>Stored JSON for the document page and report.</summary>
    public const string Details = "details";

    /// <summary>Token counts of the text fields (binary doc values).</summary>
    public const string Lengths = "lengths";

    /// <summary>Title: stems and parts, with positions.</summary>
    public const string Title = "title";

    /// <summary>Headings: stems and parts, with positions.</summary>
    public const string Heading = "heading";

    /// <summary>Body: stems and parts, with positions.</summary>
    public const string Body = "body";

    /// <summary>Title: compound parts only.</summary>
    public const string TitleParts = "title_p";

    /// <summary>Headings: compound parts only.</summary>
    public const string HeadingParts = "heading_p";

    /// <summary>Body: compound parts only.</summary>
    public const string BodyParts = "body_p";

    /// <summary>Title: exact surface words (a stop word once per document).</summary>
    public const string TitleWords = "title_w";

    /// <summary>Headings: exact surface words (a stop word once per document).</summary>
    public const string HeadingWords = "heading_w";

    /// <summary>Body: exact surface words (a stop word once per document).</summary>
    public const string BodyWords = "body_w";

    /// <summary>Ordinal of a passage in its document (stored; in the index it is the passage's distance from its document).</summary>
    public const string Ordinal = "ordinal";

    /// <summary>Marks a passage whose text has terms (one term, docs only): its document count is N for passage BM25.</summary>
    public const string PassageText = "p_text";

    /// <summary>The term of <see cref="PassageText"/>.</summary>
    public const string PassageTextMark = "t";

    /// <summary>Where each passage's text lies among the document's body positions (binary doc values, <see cref="PassagePositions"/>).</summary>
    public const string PassageLayout = "passage_layout";

    /// <summary>Passage heading: stems and parts (freqs).</summary>
    public const string PassageHeading = "p_heading";

    /// <summary>Stored page of a passage.</summary>
    public const string Page = "page";

    /// <summary>Stored heading path of a passage, joined by <see cref="Separator"/>.</summary>
    public const string Headings = "headings";

    /// <summary>Stored offset of a passage in the document text.</summary>
    public const string Offset = "offset";

    /// <summary>Stored OCR flag of a passage (1 when its text came from OCR).</summary>
    public const string Ocr = "ocr";

    /// <summary>Stored passage text.</summary>
    public const string Text = "text";

    /// <summary>Ledger: the file's relative path (StringField, stored).</summary>
    public const string FilePath = "file_path";

    /// <summary>Ledger: stored size in bytes.</summary>
    public const string FileSize = "file_size";

    /// <summary>Ledger: stored modification time (ticks, UTC).</summary>
    public const string FileModified = "file_mtime";

    /// <summary>Ledger: stored SHA-256 of the content.</summary>
    public const string FileHash = "file_sha256";

    /// <summary>Ledger: stored hash of the metadata sources (sidecar + taxonomy).</summary>
    public const string MetadataHash = "file_meta_hash";

    /// <summary>Ledger: stored state (<see cref="FileStates"/>).</summary>
    public const string FileState = "file_state";

    /// <summary>Ledger: stored failure kind.</summary>
    public const string FailureKind = "file_failure_kind";

    /// <summary>Ledger: stored Swedish failure reason.</summary>
    public const string FailureReason = "file_failure_reason";

    /// <summary>Ledger: stored document id.</summary>
    public const string FileDocument = "file_doc";

    /// <summary>Ledger: stored time of indexing or failure (Unix ms).</summary>
    public const string FileRecorded = "file_recorded";

    /// <summary>Ledger: stored number of scanned pages (waiting for OCR, or read by it).</summary>
    public const string FileOcrPages = "file_ocr_pages";

    /// <summary>Change: sequence number (Int64Field, stored).</summary>
    public const string ChangeSequence = "change_seq";

    /// <summary>Change: stored time (Unix ms).</summary>
    public const string ChangeTime = "change_time";

    /// <summary>Change: stored kind (<see cref="ChangeKinds"/>).</summary>
    public const string ChangeKind = "change_kind";

    /// <summary>Change: stored path.</summary>
    public const string ChangePath = "change_path";

    /// <summary>Change: stored old path (moves).</summary>
    public const string ChangeOldPath = "change_old_path";

    /// <summary>The zones of a document (title, headings, body) and their three text fields each.</summary>
    public static IReadOnlyList<ZoneFields> Zones { get; } =
    [
        new(Title, TitleParts, TitleWords),
        new(Heading, HeadingParts, HeadingWords),
        new(Body, BodyParts, BodyWords),
    ];

    /// <summary>The zone <paramref name="field"/> is one of the three fields of, or null.</summary>
    public static ZoneFields? ZoneOf(string field)
    {
        foreach (var zone in Zones)
        {
            if (field == zone.Positional || field == zone.Parts || field == zone.Words)
            {
                return zone;
            }
        }

        return null;
    }

    /// <summary>The text fields of a document, in the order of <see cref="Lengths"/>.</summary>
    public static IReadOnlyList<string> DocumentTextFields { get; } =
        [Title, TitleParts, TitleWords, Heading, HeadingParts, HeadingWords, Body, BodyParts, BodyWords];

    /// <summary>The text fields of a passage, in the order their totals follow the document's in <see cref="Lengths"/>.</summary>
    public static IReadOnlyList<string> PassageTextFields { get; } = [PassageText, PassageHeading];

    /// <summary>Positions, freqs and norms: the fields phrases run on.</summary>
    public static FieldType Positional { get; } = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        IndexOptions = LuceneIndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
    });

    /// <summary>Freqs and norms, no positions: scoring only.</summary>
    public static FieldType Frequencies { get; } = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        IndexOptions = LuceneIndexOptions.DOCS_AND_FREQS,
    });

    /// <summary>Freqs only, no norms: the parts fields, which a query word subtracts from its positional field (whose norm
    /// is the length), and the word fields, whose length nothing reads.</summary>
    public static FieldType FrequenciesOnly { get; } = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        OmitNorms = true,
        IndexOptions = LuceneIndexOptions.DOCS_AND_FREQS,
    });

    /// <summary>One term, docs only, no norms: indexed as a StringField is, from a <see cref="KeywordReplay"/> that shares
    /// the block's attributes (a StringField builds a token stream and attribute set of its own per document).</summary>
    public static FieldType Keyword { get; } = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        OmitNorms = true,
        IndexOptions = LuceneIndexOptions.DOCS_ONLY,
    });

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }
}

/// <summary>A zone's positional field (whole-word stems and parts), parts field and word field (surface forms); their
/// names sort next to each other, which the flush relies on (<see cref="ZoneFieldsConsumer"/>).</summary>
public sealed record ZoneFields(string Positional, string Parts, string Words);

/// <summary>Ledger states of a file.</summary>
public static class FileStates
{
    /// <summary>Indexed: a document exists for the file.</summary>
    public const string Indexed = "indexed";

    /// <summary>Could not be indexed; kind and reason say why.</summary>
    public const string Failed = "failed";

    /// <summary>Scanned pages wait for (or are being read by) the background OCR queue. A mixed PDF already has a
    /// document with its text pages; a PDF of scans only has none until OCR is done.</summary>
    public const string Ocr = "ocr";
}

/// <summary>Kinds of recent changes (Swedish, shown to editors).</summary>
public static class ChangeKinds
{
    /// <summary>A new document.</summary>
    public const string Added = "tillagd";

    /// <summary>A changed document.</summary>
    public const string Changed = "andrad";

    /// <summary>A moved or renamed document.</summary>
    public const string Moved = "flyttad";

    /// <summary>A removed document.</summary>
    public const string Removed = "borttagen";

    /// <summary>A file that could not be indexed.</summary>
    public const string Failed = "misslyckad";
}
