using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Index;

/// <summary>The writes of a sync: documents, ledger entries and changes, on the one writer, committed together.</summary>
/// <remarks>Not thread-safe: the sync's writing thread owns it. Each document block (document + passages) and its ledger
/// entry go into the same commit, so after a crash the ledger says exactly which files still need work.</remarks>
public sealed class IndexBatch
{
    private readonly IndexStore _store;
    private readonly Dictionary<string, LedgerEntry> _ledger;

    // During a bulk change: the newest changes, written at the next merge or commit. Only the newest
    // RecentChangesKept survive the prune that ends the change, so the older ones are never written: writing one change
    // per document and deleting all but the last few hundred at the end cost a Lucene document each, and the deletes
    // were applied on one thread after the final flush.
    private Queue<StoredChange>? _heldChanges;

    /// <summary>Starts writing; <paramref name="ledger"/> is the ledger as the index holds it and is kept in step.</summary>
    public IndexBatch(IndexStore store, Dictionary<string, LedgerEntry> ledger)
    {
        _store = store;
        _ledger = ledger;
    }

    /// <summary>Ledger entries written since the last commit (every change of a file writes its entry).</summary>
    public int Pending { get; private set; }

    /// <summary>Writes a document, replacing the one with <paramref name="existingId"/> (keeping its id) when given.</summary>
    /// <param name="scannedPagesWaiting">Scanned pages of the file still to be read by OCR: the ledger then says `ocr`
    /// and the document holds the text pages only.</param>
    /// <param name="prepared">The document's block, built ahead on a preparing thread (<see cref="DocumentBuilder.Prepare"/>); built here when null.</param>
    /// <returns>The document id.</returns>
    public long Upsert(IndexedDocument document, long? existingId, int scannedPagesWaiting = 0, PreparedBlock? prepared = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var id = existingId ?? NextId();
        WriteBlock(prepared ?? DocumentBuilder.Prepare(document), id, replaces: existingId is not null);
        var state = scannedPagesWaiting > 0 ? FileStates.Ocr : FileStates.Indexed;
        var ocrPages = scannedPagesWaiting > 0 ? scannedPagesWaiting : OcrPagesOf(document);
        SetLedger(new LedgerEntry(document.Path, document.Fingerprint, document.MetadataHash, state, id, null, null, DateTimeOffset.UtcNow) { OcrPages = ocrPages });
        AddChange(existingId is null ? ChangeKinds.Added : ChangeKinds.Changed, document.Path, null);
        return id;
    }

    /// <summary>Records a file whose pages are all scanned and wait for OCR (no document yet), removing the document
    /// an earlier version of it had.</summary>
    public void RecordWaitingForOcr(string path, FileFingerprint fingerprint, string metadataHash, int scannedPages, long? existingId)
    {
        if (existingId is long id)
        {
            _store.Writer.DeleteDocuments(DocumentKey(id));
            AddChange(ChangeKinds.Removed, path, null);
        }

        SetLedger(new LedgerEntry(path, fingerprint, metadataHash, FileStates.Ocr, null, null, null, DateTimeOffset.UtcNow) { OcrPages = scannedPages });
    }

    /// <summary>Writes a moved document under its new path, keeping its id.</summary>
    public void Move(LedgerEntry from, IndexedDocument document)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(document);
        var id = from.DocumentId ?? NextId();
        WriteBlock(DocumentBuilder.Prepare(document), id, replaces: from.DocumentId is not null);
        RemoveLedger(from.Path);
        SetLedger(new LedgerEntry(document.Path, document.Fingerprint, document.MetadataHash, FileStates.Indexed, id, null, null, DateTimeOffset.UtcNow) { OcrPages = OcrPagesOf(document) });
        AddChange(ChangeKinds.Moved, document.Path, from.Path);
    }

    /// <summary>Removes a file's document (if any) and its ledger entry.</summary>
    /// <remarks>A failed file that is removed is a change too: editors who delete a broken file see it go.</remarks>
    public void Remove(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.DocumentId is long id)
        {
            _store.Writer.DeleteDocuments(DocumentKey(id));
        }

        // An indexed entry without a document is the old path of a file re-indexed elsewhere: that path's change is listed.
        if (entry.DocumentId is not null || entry.State == FileStates.Failed)
        {
            AddChange(ChangeKinds.Removed, entry.Path, null);
        }

        RemoveLedger(entry.Path);
    }

    /// <summary>Records a new size and time for a file whose content did not change.</summary>
    public void Touch(LedgerEntry entry, FileFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(entry);
        SetLedger(entry with { Fingerprint = fingerprint });
    }

    /// <summary>Records that a file could not be indexed, removing the document it had.</summary>
    public void RecordFailure(string path, FileFingerprint fingerprint, string metadataHash, string kind, string reason, long? existingId)
    {
        if (existingId is long id)
        {
            _store.Writer.DeleteDocuments(DocumentKey(id));
        }

        SetLedger(new LedgerEntry(path, fingerprint, metadataHash, FileStates.Failed, null, kind, reason, DateTimeOffset.UtcNow));
        AddChange(ChangeKinds.Failed, path, null);
    }

    /// <summary>Commits everything so far (a recovery point) and makes it visible to searches.</summary>
    /// <param name="completedSync">The commit ends a sync: its time is recorded.</param>
    /// <param name="pruneChanges">Delete the changes older than the newest <see cref="IndexSchema.RecentChangesKept"/>.
    /// A bulk change's intermediate commits leave them: a change entry follows every document, so pruning put deleted
    /// documents into every chunk of stored fields, and the final merge then decompressed and compressed all of them
    /// again instead of copying (half of that merge's time at 100,000 documents).</param>
    public void Commit(bool completedSync, bool pruneChanges = true)
    {
        WriteHeldChanges();
        var data = _store.Data;
        if (completedSync)
        {
            data = data with { LastSync = DateTimeOffset.UtcNow };
        }

        var keepFrom = data.NextChange - IndexSchema.RecentChangesKept;
        if (pruneChanges && keepFrom > 1)
        {
            _store.Writer.DeleteDocuments(NumericRangeQuery.NewInt64Range(IndexSchema.ChangeSequence, null, keepFrom, true, false));
        }

        _store.SetData(data);
        _store.Commit();
        Pending = 0;
    }

    /// <summary>Bulk-change settings of the writer until disposed (see <see cref="IndexStore.BeginBulk"/>); from now on
    /// only the newest <see cref="IndexSchema.RecentChangesKept"/> changes between two commits are written.</summary>
    internal BulkWrites BeginBulk()
    {
        _heldChanges ??= new Queue<StoredChange>(IndexSchema.RecentChangesKept + 1);
        return _store.BeginBulk();
    }

    /// <summary>Merges the index into one segment; call before the commit that ends a bulk change.</summary>
    public void MergeToOneSegment()
    {
        WriteHeldChanges();
        _store.MergeToOneSegment();
    }

    /// <summary>Makes what was written visible to searches without committing.</summary>
    public void Refresh() => _store.Refresh();

    private static int OcrPagesOf(IndexedDocument document) =>
        document.Passages.Where(p => p.IsOcr && p.Page is not null).Select(p => p.Page).Distinct().Count();

    private long NextId()
    {
        var data = _store.Data;
        _store.SetData(data with { NextDocumentId = data.NextDocumentId + 1 });
        return data.NextDocumentId;
    }

    private void AddChange(string kind, string path, string? oldPath)
    {
        var data = _store.Data;
        _store.SetData(data with { NextChange = data.NextChange + 1 });
        var change = new StoredChange(data.NextChange, DateTimeOffset.UtcNow, kind, path, oldPath);
        if (_heldChanges is { } held)
        {
            held.Enqueue(change);
            if (held.Count > IndexSchema.RecentChangesKept)
            {
                held.Dequeue();
            }

            return;
        }

        _store.Writer.AddDocument(DocumentBuilder.Change(change));
    }

    private void WriteHeldChanges()
    {
        while (_heldChanges is { } held && held.TryDequeue(out var change))
        {
            _store.Writer.AddDocument(DocumentBuilder.Change(change));
        }
    }

    // A new id or a new path has nothing to replace: adding skips a delete term that every segment would be searched for.
    private void WriteBlock(PreparedBlock prepared, long id, bool replaces)
    {
        var block = prepared.WithId(id);
        if (replaces)
        {
            // Atomic for near-real-time readers: they see the old block or the new one, never neither.
            _store.Writer.UpdateDocuments(DocumentKey(id), block);
        }
        else
        {
            _store.Writer.AddDocuments(block);
        }
    }

    private void SetLedger(LedgerEntry entry)
    {
        var ledger = DocumentBuilder.Ledger(entry);
        if (_ledger.ContainsKey(entry.Path))
        {
            _store.Writer.UpdateDocument(new Term(IndexSchema.FilePath, entry.Path), ledger);
        }
        else
        {
            _store.Writer.AddDocument(ledger);
        }

        _ledger[entry.Path] = entry;
        Pending++;
    }

    private void RemoveLedger(string path)
    {
        _store.Writer.DeleteDocuments(new Term(IndexSchema.FilePath, path));
        _ledger.Remove(path);
        Pending++;
    }

    private static Term DocumentKey(long id) => new(IndexSchema.DocumentKey, id.ToString(CultureInfo.InvariantCulture));
}
