using System.Globalization;
using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Reads what the index stores: ledger entries, changes, a document's details and passages.</summary>
/// <remarks>Stored fields cost ~0.1 ms per document; nothing on the result list's path reads them.</remarks>
public static class StoredReading
{
    /// <summary>Every ledger entry.</summary>
    public static List<LedgerEntry> ReadLedger(IndexSearcher searcher)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        return AllOfKind(searcher, IndexSchema.Kinds.File).Select(d => ToLedgerEntry(searcher.Doc(d))).ToList();
    }

    /// <summary>The recent changes, numbered from <paramref name="from"/> on, newest first.</summary>
    /// <remarks>Older changes are pruned at commits, but not while a bulk change writes (see
    /// <see cref="IndexBatch.Commit"/>): reading only the newest keeps the report cheap then.</remarks>
    public static List<StoredChange> ReadChanges(IndexSearcher searcher, long from)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var collector = new AllDocsCollector();
        searcher.Search(NumericRangeQuery.NewInt64Range(IndexSchema.ChangeSequence, from, null, true, true), collector);
        return collector.Docs
            .Select(d => searcher.Doc(d))
            .Select(d => new StoredChange(
                Long(d, IndexSchema.ChangeSequence) ?? 0,
                DateTimeOffset.FromUnixTimeMilliseconds(Long(d, IndexSchema.ChangeTime) ?? 0),
                d.Get(IndexSchema.ChangeKind) ?? string.Empty,
                d.Get(IndexSchema.ChangePath) ?? string.Empty,
                d.Get(IndexSchema.ChangeOldPath)))
            .OrderByDescending(c => c.Sequence)
            .ToList();
    }

    /// <summary>How many passages follow the document at global doc number <paramref name="doc"/> in its block.</summary>
    public static int PassageCount(IndexSearcher searcher, int doc)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return (int)(leaf.AtomicReader.GetNumericDocValues(IndexSchema.PassageCount)?.Get(doc - leaf.DocBase) ?? 0);
    }

    /// <summary>The global Lucene doc number of the document with <paramref name="id"/>, or -1.</summary>
    public static int FindDocument(IndexSearcher searcher, long id)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(IndexSchema.DocumentKey, id.ToString(CultureInfo.InvariantCulture))), Occur.MUST },
            { new TermQuery(new Term(IndexSchema.Kind, IndexSchema.Kinds.Document)), Occur.MUST },
        };
        var hits = searcher.Search(query, 1);
        return hits.TotalHits > 0 ? hits.ScoreDocs[0].Doc : -1;
    }

    /// <summary>The global Lucene doc number of the document at <paramref name="path"/>, or -1.</summary>
    public static int FindByPath(IndexSearcher searcher, string path)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var hits = searcher.Search(new TermQuery(new Term(IndexSchema.Path, path)), 1);
        return hits.TotalHits > 0 ? hits.ScoreDocs[0].Doc : -1;
    }

    /// <summary>The summary of a document by its global Lucene doc number.</summary>
    public static DocumentSummary ReadSummary(IndexSearcher searcher, int doc)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return ReadSummary(leaf.AtomicReader.GetBinaryDocValues(IndexSchema.Summary), doc - leaf.DocBase);
    }

    /// <summary>The summary of a segment's document from its doc values.</summary>
    public static DocumentSummary ReadSummary(BinaryDocValues values, int segmentDoc)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bytes = new BytesRef();
        values.Get(segmentDoc, bytes);
        return SummaryCodec.Decode(bytes.Bytes, bytes.Offset, bytes.Length);
    }

    /// <summary>A document's summary and stored details, or null.</summary>
    public static StoredDocument? ReadDocument(IndexSearcher searcher, long id)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var doc = FindDocument(searcher, id);
        if (doc < 0)
        {
            return null;
        }

        var summary = ReadSummary(searcher, doc);
        var details = JsonSerializer.Deserialize<StoredDetails>(searcher.Doc(doc).Get(IndexSchema.Details) ?? "{}")
            ?? new StoredDetails("application/octet-stream", null, [], [], null);
        return new StoredDocument(summary, details.ContentType, details.PageCount, details.Tags ?? [], details.Problems ?? [], details.Supersedes);
    }

    /// <summary>All passages of a document, in order.</summary>
    public static List<StoredPassage> ReadPassages(IndexSearcher searcher, long id)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(IndexSchema.DocumentKey, id.ToString(CultureInfo.InvariantCulture))), Occur.MUST },
            { new TermQuery(new Term(IndexSchema.Kind, IndexSchema.Kinds.Passage)), Occur.MUST },
        };
        var collector = new AllDocsCollector();
        searcher.Search(query, collector);
        return collector.Docs.Select(d => ReadPassage(searcher, d, id)).OrderBy(p => p.Ordinal).ToList();
    }

    /// <summary>One passage by its global Lucene doc number.</summary>
    public static StoredPassage ReadPassage(IndexSearcher searcher, int doc, long documentId)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var stored = new PassageVisitor();
        searcher.IndexReader.Document(doc, stored);
        return new StoredPassage(
            (documentId * IndexSchema.PassageIdStride) + stored.Ordinal,
            documentId,
            stored.Ordinal,
            stored.Page,
            stored.Headings is { Length: > 0 } joined ? joined.Split(IndexSchema.Separator) : [],
            stored.Offset,
            stored.Text,
            stored.IsOcr);
    }

    /// <summary>Global doc numbers of every live Lucene document of a kind.</summary>
    public static List<int> AllOfKind(IndexSearcher searcher, string kind)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var collector = new AllDocsCollector();
        searcher.Search(new TermQuery(new Term(IndexSchema.Kind, kind)), collector);
        return collector.Docs;
    }

    private static LedgerEntry ToLedgerEntry(Document d) => new(
        d.Get(IndexSchema.FilePath) ?? string.Empty,
        new FileFingerprint(Long(d, IndexSchema.FileSize) ?? 0, Long(d, IndexSchema.FileModified) ?? 0, d.Get(IndexSchema.FileHash) ?? string.Empty),
        d.Get(IndexSchema.MetadataHash) ?? string.Empty,
        d.Get(IndexSchema.FileState) ?? FileStates.Failed,
        Long(d, IndexSchema.FileDocument),
        d.Get(IndexSchema.FailureKind),
        d.Get(IndexSchema.FailureReason),
        DateTimeOffset.FromUnixTimeMilliseconds(Long(d, IndexSchema.FileRecorded) ?? 0))
    {
        OcrPages = (int)(Long(d, IndexSchema.FileOcrPages) ?? 0),
    };

    private static long? Long(Document document, string field) => document.GetField(field)?.GetInt64Value() ?? document.GetField(field)?.GetInt32Value();

    /// <summary>Takes a passage's stored fields as they are decoded: no Document, Field or FieldType objects per read
    /// (a result page reads up to thirty passages).</summary>
    private sealed class PassageVisitor : StoredFieldVisitor
    {
        public int Ordinal { get; private set; }

        public int? Page { get; private set; }

        public int Offset { get; private set; }

        public string? Headings { get; private set; }

        public string Text { get; private set; } = string.Empty;

        public bool IsOcr { get; private set; }

        public override Status NeedsField(FieldInfo fieldInfo) => Status.YES;

        public override void StringField(FieldInfo fieldInfo, string value)
        {
            switch (fieldInfo.Name)
            {
                case IndexSchema.Headings:
                    Headings = value;
                    break;
                case IndexSchema.Text:
                    Text = value;
                    break;
            }
        }

        public override void Int32Field(FieldInfo fieldInfo, int value) => Number(fieldInfo.Name, value);

        public override void Int64Field(FieldInfo fieldInfo, long value) => Number(fieldInfo.Name, (int)value);

        private void Number(string field, int value)
        {
            switch (field)
            {
                case IndexSchema.Ordinal:
                    Ordinal = value;
                    break;
                case IndexSchema.Page:
                    Page = value;
                    break;
                case IndexSchema.Offset:
                    Offset = value;
                    break;
                case IndexSchema.Ocr:
                    IsOcr = value == 1;
                    break;
            }
        }
    }

    /// <summary>Collects the global doc numbers of every match, in index order.</summary>
    private sealed class AllDocsCollector : ICollector
    {
        private int _base;

        public List<int> Docs { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void Collect(int doc) => Docs.Add(_base + doc);

        public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;

        public void SetScorer(Scorer scorer)
        {
        }
    }
}
