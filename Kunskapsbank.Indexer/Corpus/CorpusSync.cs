using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kunskapsbank.Indexer.Extraction.Ocr;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Corpus;

/// <summary>Keeps the index in step with the corpus folder: decides what changed, runs the pipeline, writes in batches.</summary>
/// <remarks>One sync at a time (a lock; the index's write lock keeps other processes out). The ledger — what the index
/// knows about every file — is read once and then kept in step by the writes, so a watcher batch does not re-read
/// 10,000 entries. A sync that throws rolls the index back to its last commit, exactly what a crash would leave.
/// Scanned PDF pages are not read in the sync: the file is recorded as `ocr` (a mixed PDF with its text pages already
/// searchable) and handed to the <see cref="BackgroundOcr"/>, whose worker writes the whole document under the same lock
/// when OCR is done, if the file is still what it read. A file still `ocr` in the ledger (after a crash, or
/// `index --utan-ocr`) is queued again by the next sync.</remarks>
public sealed class CorpusSync : ICorpusIndexer, IDisposable
{
    private const int ProgressEvery = 64;

    /// <summary>A full sync changing at least this many files (or a tenth of the corpus) ends with a merge to one segment.</summary>
    private const int BulkChange = 500;
    private const string UnreadableReason = "Filen kunde inte läsas. Kontrollera att den finns och att tjänsten får läsa den.";

    // The content hash of a work item whose hash the preparing thread takes (see Synchronise).
    private const string HashWhenPrepared = "";
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    // A bulk change commits (and shows its progress) less often: each commit flushes a segment, building its term
    // dictionary for the whole vocabulary, and the final merge writes it again (flushes and merges were a third of a
    // full build's allocation at 10 s). A crash loses at most this much work, which the next sync redoes.
    private static readonly TimeSpan BulkCommitInterval = TimeSpan.FromSeconds(30);

    private readonly IndexStore _store;
    private readonly CorpusScanner _scanner;
    private readonly DocumentPipeline _pipeline;
    private readonly Func<IMetadataResolver> _resolverFactory;
    private readonly int _threads;
    private readonly BackgroundOcr _ocr;
    private readonly System.Threading.Lock _syncLock = new();
    private IMetadataResolver _resolver;
    private Dictionary<string, LedgerEntry>? _ledger;
    private volatile SyncStatus _status = new(false, null, null);

    /// <summary>Wires the sync; <paramref name="resolverFactory"/> is called again when the taxonomy may have changed.</summary>
    /// <param name="threads">Threads that extract and analyse documents ahead of the writing thread (1: all on one thread).</param>
    /// <param name="runOcr">False: files with scanned pages are recorded as `ocr` but not read in this process.</param>
    /// <param name="resolver">The resolver in force at first, when the caller made it already (else the factory's).</param>
    public CorpusSync(IndexStore store, CorpusScanner scanner, DocumentPipeline pipeline, Func<IMetadataResolver> resolverFactory, int threads, bool runOcr = true, IMetadataResolver? resolver = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = threads;
        ArgumentNullException.ThrowIfNull(resolverFactory);
        _store = store;
        _scanner = scanner;
        _pipeline = pipeline;
        _resolverFactory = resolverFactory;
        _resolver = resolver ?? resolverFactory();
        _ocr = new BackgroundOcr(ReadScannedPages, store.IsReadOnly ? null : new OcrProgressFile(store.Path), runOcr && !store.IsReadOnly);
    }

    /// <summary>Raised after a sync that changed the index (on the syncing thread).</summary>
    public event EventHandler<SyncReport>? Changed;

    /// <summary>Whether a sync runs now and how far it got; for readiness checks.</summary>
    public SyncStatus Status => _status;

    /// <summary>The resolver in force (its taxonomy labels the facets).</summary>
    public IMetadataResolver Resolver => _resolver;

    /// <summary>The background OCR of scanned pages.</summary>
    public BackgroundOcr Ocr => _ocr;

    /// <summary>After a bulk change, empty the word memo and compact the heap (<see cref="IndexOptions.ReleaseMemoryAfterBulkChange"/>).</summary>
    public bool ReleaseMemoryAfterBulkChange { get; init; }

    /// <summary>The write path's warm-up started while the index opened (<see cref="IndexOptions.WarmWritePathWhileOpening"/>),
    /// or null: a bulk change then starts its own.</summary>
    public Task? WarmingUp { get; init; }

    /// <summary>Test seam: called before each document is written (throw to simulate a crash).</summary>
    internal Action<string>? BeforeDocumentWrite { get; set; }

    /// <inheritdoc />
    public SyncReport SyncAll(IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_scanner.Root))
        {
            throw new DirectoryNotFoundException($"Dokumentmappen {_scanner.Root} finns inte.");
        }

        return Run(null, reloadResolver: true, progress, cancellationToken);
    }

    /// <inheritdoc />
    public SyncReport SyncPaths(IReadOnlyCollection<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var scope = new HashSet<string>(StringComparer.Ordinal);
        var metadataChanged = false;
        foreach (var path in paths)
        {
            var relative = _scanner.ToRelative(path);
            if (relative is null)
            {
                continue;
            }

            if (relative.Length == 0)
            {
                return Run(null, reloadResolver: true, null, cancellationToken);
            }

            if (_resolver.IsMetadataFile(path))
            {
                // A sidecar or the taxonomy: re-check the documents beside it; a taxonomy change widens to everything.
                metadataChanged = true;
                var folder = Path.GetDirectoryName(relative.Replace('/', Path.DirectorySeparatorChar))?.Replace(Path.DirectorySeparatorChar, '/') ?? string.Empty;
                if (folder.Length == 0)
                {
                    return Run(null, reloadResolver: true, null, cancellationToken);
                }

                scope.Add(folder);
            }
            else
            {
                scope.Add(relative);
            }
        }

        return Run(scope, metadataChanged, null, cancellationToken);
    }

    /// <inheritdoc />
    public bool WarmWritePath() => WritePathWarmUp.Run(_pipeline, _resolver);

    // A bulk change has the write path compiled on another thread while the preparing threads start, not on the writing
    // thread, the one the build waits for (no quick JIT, ARCHITECTURE.md decision 37): it compiled Lucene's indexing
    // chain at its first document and the flush at its last. Only a saving of time, so a scratch folder that cannot be
    // written costs nothing else.
    private Task WarmInBackground() => WarmingUp ?? Task.Run(() => WritePathWarmUp.RunQuietly(_pipeline, _resolver));

    /// <inheritdoc />
    public IndexReport GetReport()
    {
        using var lease = _store.Acquire();
        var searcher = lease.Searcher;
        var ledger = StoredReading.ReadLedger(searcher).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        var documents = new List<ReportedDocument>();
        var titles = new Dictionary<long, string>();
        foreach (var entry in ledger.Where(e => e.HasDocument))
        {
            if (StoredReading.ReadDocument(searcher, entry.DocumentId!.Value) is not { } stored)
            {
                continue;
            }

            var s = stored.Summary;
            titles[s.Id] = s.Title;
            documents.Add(new ReportedDocument(s, stored.Tags, stored.Problems));
        }

        var failed = ledger.Where(e => e.State == FileStates.Failed)
            .Select(e => new FailedFile(e.Path, e.FailureKind ?? "unreadable", e.FailureReason ?? string.Empty))
            .ToList();
        var reading = (_ocr.IsEnabled ? _ocr.Status().Files : new OcrProgressFile(_store.Path).Read())
            .GroupBy(f => f.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var files = ledger.Select(e => new ReportedFile(
            e.Path,
            e.State,
            e.DocumentId,
            e.DocumentId is long id ? titles.GetValueOrDefault(id) : null,
            e.FailureKind,
            e.FailureReason,
            e.Fingerprint.Size,
            new DateTimeOffset(e.Fingerprint.ModifiedTicks, TimeSpan.Zero),
            e.RecordedAt,
            OcrProgressOf(e, reading))).ToList();
        var changes = StoredReading.ReadChanges(searcher, _store.Data.NextChange - IndexSchema.RecentChangesKept).Select(c => new ReportedChange(c.Time, c.Kind, c.Path, c.OldPath)).ToList();
        return new IndexReport(documents, failed, _store.Data.LastSync, files, changes);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Its scratch folder is gone before a command line process exits.
        WarmingUp?.Wait(CancellationToken.None);
        _ocr.Dispose();
    }

    // While a file waits: the queue's live progress when it reads this content, else "waiting" with the ledger's page
    // count; once indexed: how many pages OCR read.
    private static OcrProgress? OcrProgressOf(LedgerEntry entry, Dictionary<string, OcrFileStatus> reading)
    {
        if (entry.AwaitsOcr)
        {
            return reading.TryGetValue(entry.Path, out var live) && live.ContentHash == entry.Fingerprint.ContentHash
                ? live.Progress
                : new OcrProgress(0, entry.OcrPages, 0, Waiting: true);
        }

        return entry.IsIndexed && entry.OcrPages > 0 ? new OcrProgress(entry.OcrPages, entry.OcrPages, 0) : null;
    }

    private SyncReport Run(HashSet<string>? scope, bool reloadResolver, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        lock (_syncLock)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                _status = new SyncStatus(true, new SyncProgress(0, 0, null), _status.LastCompleted);
                var previousTaxonomy = TaxonomyHash(_resolver);
                if (reloadResolver)
                {
                    // The same taxonomy keeps the same resolver, so searchers can tell by reference that labels are unchanged.
                    var reloaded = _resolverFactory();
                    if (TaxonomyHash(reloaded) != previousTaxonomy || !reloaded.TaxonomyProblems.SequenceEqual(_resolver.TaxonomyProblems))
                    {
                        _resolver = reloaded;
                    }
                }

                var taxonomyHash = TaxonomyHash(_resolver);
                if (taxonomyHash != previousTaxonomy && scope is not null)
                {
                    scope = null;
                }

                SyncReport report;
                try
                {
                    report = Synchronise(scope, taxonomyHash, progress, clock, cancellationToken);
                }
                catch
                {
                    // Whatever was not committed is dropped, as a crash would drop it; the ledger is read again.
                    _store.RollBack();
                    _ledger = null;
                    throw;
                }

                _status = new SyncStatus(false, null, DateTimeOffset.UtcNow);
                if (report.Indexed + report.Removed + report.Moved > 0 || report.Failed.Count > 0)
                {
                    Changed?.Invoke(this, report);
                }

                return report;
            }
            finally
            {
                if (_status.Running)
                {
                    _status = _status with { Running = false, Progress = null };
                }
            }
        }
    }

    private Dictionary<string, LedgerEntry> Ledger()
    {
        if (_ledger is null)
        {
            using var lease = _store.Acquire();
            _ledger = StoredReading.ReadLedger(lease.Searcher).ToDictionary(e => e.Path, StringComparer.Ordinal);
        }

        return _ledger;
    }

    private SyncReport Synchronise(HashSet<string>? scope, string taxonomyHash, IProgress<SyncProgress>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        _ = _store.Writer;
        var ledger = Ledger();
        var scan = _scanner.Scan(scope);
        var onDisk = scan.Files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        var stored = ledger.Values.Where(e => e.HasDocument && InScope(e.Path, scope)).ToDictionary(e => e.Path, StringComparer.Ordinal);

        // Failed files, and files of scans only that wait for OCR: no document, and not retried until they change.
        var failures = ledger.Values.Where(e => !e.HasDocument).ToDictionary(e => e.Path, StringComparer.Ordinal);
        var missing = stored.Values.Where(e => !onDisk.ContainsKey(e.Path)).ToList();

        // A file waiting for OCR that turns up under another name is read again there: its job belongs to the old path.
        var missingByHash = missing.Where(e => !e.AwaitsOcr).GroupBy(e => e.Fingerprint.ContentHash).ToDictionary(g => g.Key, g => new Queue<LedgerEntry>(g));
        var stillWaiting = new List<LedgerEntry>();

        var failed = new List<FailedFile>(scan.Refused);
        var work = new List<(CorpusFile File, FileFingerprint Fingerprint, string MetadataHash, long? ExistingId)>();
        var moves = new List<(LedgerEntry Source, CorpusFile To, FileFingerprint Fingerprint, string MetadataHash)>();
        var touches = new List<(LedgerEntry Entry, FileFingerprint Fingerprint)>();
        var unchanged = 0;
        var total = scan.Files.Count;
        // A new file's content hash only decides something when a missing file could have moved to it; otherwise the
        // preparing threads take it, beside the extraction that reads the file anyway (at 10,000 new files hashing here
        // was a quarter of a second before any document could start).
        var hashNewFiles = missingByHash.Count > 0;
        var checks = ReadFiles(scan.Files, stored, failures, taxonomyHash, hashNewFiles, progress, cancellationToken);

        for (var i = 0; i < scan.Files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = scan.Files[i];
            var check = checks[i];
            if (check.Unreadable)
            {
                failed.Add(new FailedFile(file.RelativePath, "unreadable", UnreadableReason));
                continue;
            }

            var metadataHash = check.MetadataHash;
            string contentHash;
            try
            {
                if (stored.TryGetValue(file.RelativePath, out var known))
                {
                    if (Unchanged(known, file, metadataHash))
                    {
                        AddIf(known.AwaitsOcr, stillWaiting, known);
                        unchanged++;
                        continue;
                    }

                    contentHash = check.ContentHash ?? DocumentPipeline.HashFile(file.FullPath);
                    var fingerprint = new FileFingerprint(file.Size, file.ModifiedTicks, contentHash);
                    if (known.Fingerprint.ContentHash == contentHash && known.MetadataHash == metadataHash)
                    {
                        touches.Add((known, fingerprint));
                        AddIf(known.AwaitsOcr, stillWaiting, known with { Fingerprint = fingerprint });
                        unchanged++;
                    }
                    else
                    {
                        work.Add((file, fingerprint, metadataHash, known.DocumentId));
                    }

                    continue;
                }

                if (failures.TryGetValue(file.RelativePath, out var failure) && Unchanged(failure, file, metadataHash))
                {
                    if (failure.AwaitsOcr)
                    {
                        stillWaiting.Add(failure);
                        unchanged++;
                    }
                    else
                    {
                        failed.Add(new FailedFile(failure.Path, failure.FailureKind ?? "unreadable", failure.FailureReason ?? string.Empty));
                    }

                    continue;
                }

                contentHash = check.ContentHash ?? (hashNewFiles ? DocumentPipeline.HashFile(file.FullPath) : HashWhenPrepared);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failed.Add(new FailedFile(file.RelativePath, "unreadable", UnreadableReason));
                continue;
            }

            var print = new FileFingerprint(file.Size, file.ModifiedTicks, contentHash);
            if (missingByHash.TryGetValue(contentHash, out var queue) && queue.Count > 0)
            {
                var source = queue.Dequeue();
                missing.Remove(source);
                if (source.MetadataHash == metadataHash)
                {
                    moves.Add((source, file, print, metadataHash));
                }
                else
                {
                    // Same content under new metadata: re-extract under the old id, and forget the old path.
                    moves.Add((source with { DocumentId = null }, file, print, metadataHash));
                    work.Add((file, print, metadataHash, source.DocumentId));
                }

                continue;
            }

            work.Add((file, print, metadataHash, null));
        }

        // Each stage reports its end and the next its start, so a log shows "10 000 av 10 000" and then "0 av N".
        Report(progress, new SyncProgress(total, total, null, SyncStage.Checking));
        var batch = new IndexBatch(_store, ledger);
        var sinceCommit = Stopwatch.StartNew();
        foreach (var (entry, fingerprint) in touches)
        {
            batch.Touch(entry, fingerprint);
        }

        var moved = 0;
        foreach (var (source, to, fingerprint, metadataHash) in moves)
        {
            if (source.DocumentId is null)
            {
                batch.Remove(source);
                continue;
            }

            if (MovedDocument(source, to, fingerprint, metadataHash) is { } document)
            {
                batch.Move(source, document);
                moved++;
            }
            else
            {
                batch.Remove(source);
                work.Add((to, fingerprint, metadataHash, null));
            }
        }

        foreach (var gone in missing)
        {
            _ocr.Cancel(gone.Path);
            batch.Remove(gone);
        }

        foreach (var entry in failures.Values.Where(f => InScope(f.Path, scope) && !onDisk.ContainsKey(f.Path)))
        {
            _ocr.Cancel(entry.Path);
            batch.Remove(entry);
        }

        // A changed file's OCR job reads content that is gone; its new content is queued when it is extracted below.
        foreach (var item in work)
        {
            _ocr.Cancel(item.File.RelativePath);
        }

        var waitingForOcr = 0;
        foreach (var entry in stillWaiting)
        {
            _ocr.Enqueue(new OcrJob(entry.Path, entry.Fingerprint, entry.MetadataHash, entry.OcrPages));
            waitingForOcr++;
        }

        // Extraction and analysis run on worker threads ahead of this one; writing stays on this thread, in corpus order.
        var indexed = 0;
        if (work.Count > 0)
        {
            Report(progress, new SyncProgress(0, work.Count, null));
        }

        var sinceRefresh = Stopwatch.StartNew();
        var bulk = scope is null && work.Count >= Math.Max(BulkChange, ledger.Count / 10);
        var warming = bulk ? WarmInBackground() : Task.CompletedTask;
        using var bulkWrites = bulk ? batch.BeginBulk() : null;
        var commitInterval = bulk ? BulkCommitInterval : CommitInterval;
        using (var prepared = new PreparedInOrder<PreparedFile>(
            work.Count,
            _threads,
            (i, token) => Prepare(work[i].File, work[i].Fingerprint, work[i].MetadataHash, token),
            cancellationToken))
        {
            for (var i = 0; i < work.Count; i++)
            {
                var item = work[i];
                var (outcome, block, fingerprint) = prepared.Take(i);
                if (outcome.Document is { } document)
                {
                    BeforeDocumentWrite?.Invoke(document.Path);
                    batch.Upsert(document, item.ExistingId, outcome.ScannedPages, block);
                    indexed++;
                }
                else if (outcome.Failure is { } failure)
                {
                    failed.Add(failure);
                    if (fingerprint.ContentHash != HashWhenPrepared)
                    {
                        batch.RecordFailure(failure.Path, fingerprint, item.MetadataHash, failure.Kind, failure.Reason, item.ExistingId);
                    }
                }
                else
                {
                    batch.RecordWaitingForOcr(item.File.RelativePath, fingerprint, item.MetadataHash, outcome.ScannedPages, item.ExistingId);
                }

                if (outcome.ScannedPages > 0)
                {
                    // The queue starts reading at once; its write waits for this sync's lock and checks the ledger.
                    _ocr.Enqueue(new OcrJob(item.File.RelativePath, fingerprint, item.MetadataHash, outcome.ScannedPages));
                    waitingForOcr++;
                }

                if ((i + 1) % ProgressEvery == 0 || i + 1 == work.Count)
                {
                    Report(progress, new SyncProgress(i + 1, work.Count, item.File.RelativePath));
                }

                if (i + 1 == work.Count)
                {
                    break;
                }

                if (sinceCommit.Elapsed > commitInterval)
                {
                    // A recovery point now and then, so a crash in a long run loses little. A bulk change prunes old
                    // changes only at its end, after the merge (see IndexBatch.Commit).
                    batch.Commit(completedSync: false, pruneChanges: !bulk);
                    sinceCommit.Restart();
                    sinceRefresh.Restart();
                }
                else if (!bulk && sinceRefresh.Elapsed > RefreshInterval)
                {
                    // Searches see a long run's progress (near real time, before the commit). Not after every
                    // document: each refresh flushes a segment, and small segments cost merges.
                    batch.Refresh();
                    sinceRefresh.Restart();
                }
            }
        }

        // After a bulk change (a first build, a re-index) one segment makes every query cheaper; a watcher batch or a
        // small change leaves merging to Lucene's policy.
        var changed = indexed + failed.Count + missing.Count + moved;
        Report(progress, new SyncProgress(work.Count, work.Count, null, SyncStage.Saving));
        if (bulk || (scope is null && changed >= Math.Max(BulkChange, ledger.Count / 10)))
        {
            batch.MergeToOneSegment();
        }

        if (batch.Pending > 0 || scope is null)
        {
            batch.Commit(completedSync: scope is null);
        }

        // Long done by now; waited for so that its scratch folder is gone when a command line process exits.
        warming.Wait(CancellationToken.None);
        if (bulk && ReleaseMemoryAfterBulkChange)
        {
            ReleaseBulkMemory();
        }

        return new SyncReport(indexed, unchanged, missing.Count, moved, failed, clock.Elapsed) { WaitingForOcr = waitingForOcr };
    }

    // A bulk change leaves the word memo full of the corpus's rare words (≈ 20 MB) and the heap grown by the writer's
    // buffers and the prepared documents; the service is held to 300 MB while it serves. Measured on the 10,000-document
    // corpus, a service that indexed it itself stood at 314–324 MB 30 s later (295–300 MB before the memo), because
    // nothing collects the old generation while the service only answers queries. One aggressive collection after a
    // change that took tens of seconds is cheap; queries and single files refill the memo with what they use. A process
    // that exits after the sync (the command line) has nothing to gain from it and does not ask for it.
    private void ReleaseBulkMemory()
    {
        _pipeline.ForgetWords();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    // On a preparing thread: the file's content hash if the checking stage left it, then the pipeline and the block.
    private PreparedFile Prepare(CorpusFile file, FileFingerprint fingerprint, string metadataHash, CancellationToken cancellationToken)
    {
        if (fingerprint.ContentHash == HashWhenPrepared)
        {
            try
            {
                fingerprint = fingerprint with { ContentHash = DocumentPipeline.HashFile(file.FullPath) };
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Reported, not recorded (the hash stays empty): the next sync tries the file again, as when the
                // checking stage cannot read one.
                return new PreparedFile(new DocumentPipeline.Outcome(null, new FailedFile(file.RelativePath, "unreadable", UnreadableReason)), null, fingerprint);
            }
        }

        return PreparedFile.Of(_pipeline.Prepare(file, fingerprint, metadataHash, _resolver, cancellationToken), fingerprint);
    }

    /// <summary>The OCR queue's work for one file: extract it reading its scanned pages, then write the document under
    /// the sync's lock — only when the ledger still says `ocr` for the same content and the file on disk is still what
    /// the ledger says (otherwise the sync that sees the change queues the new content).</summary>
    private void ReadScannedPages(OcrJob job, IProgress<OcrProgress> progress, CancellationToken cancellationToken)
    {
        if (CurrentFile(job.Path) is not { } file || file.Size != job.Fingerprint.Size || file.ModifiedTicks != job.Fingerprint.ModifiedTicks)
        {
            return;
        }

        var outcome = _pipeline.PrepareReadingScans(file, job.Fingerprint, job.MetadataHash, _resolver, progress, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_syncLock)
        {
            var ledger = Ledger();
            if (!ledger.TryGetValue(job.Path, out var entry) || !entry.AwaitsOcr
                || entry.Fingerprint.ContentHash != job.Fingerprint.ContentHash || entry.MetadataHash != job.MetadataHash
                || CurrentFile(job.Path) is not { } now || now.Size != entry.Fingerprint.Size || now.ModifiedTicks != entry.Fingerprint.ModifiedTicks)
            {
                return;
            }

            var failure = outcome.Failure ?? (outcome.Document is null ? new FailedFile(job.Path, FailureKinds.Of(Extraction.ExtractionFailureKind.NeedsOcr), "OCR kunde inte läsa någon text på de inskannade sidorna.") : null);
            var batch = new IndexBatch(_store, ledger);
            try
            {
                if (outcome.Document is { } document)
                {
                    batch.Upsert(document with { Fingerprint = entry.Fingerprint }, entry.DocumentId);
                }
                else
                {
                    batch.RecordFailure(job.Path, entry.Fingerprint, entry.MetadataHash, failure!.Kind, failure.Reason, entry.DocumentId);
                }

                batch.Commit(completedSync: false);
            }
            catch
            {
                _store.RollBack();
                _ledger = null;
                throw;
            }

            Changed?.Invoke(this, new SyncReport(outcome.Document is null ? 0 : 1, 0, 0, 0, failure is null ? [] : [failure], TimeSpan.Zero));
        }
    }

    private CorpusFile? CurrentFile(string path) =>
        _scanner.Scan([path]).Files.FirstOrDefault(f => f.RelativePath == path);

    private static void AddIf(bool condition, List<LedgerEntry> list, LedgerEntry entry)
    {
        if (condition)
        {
            list.Add(entry);
        }
    }

    // A moved file keeps its id and is written again from what the index stored: its passages and metadata are already
    // there, and re-extracting a PDF costs far more than re-analysing its text.
    private IndexedDocument? MovedDocument(LedgerEntry source, CorpusFile to, FileFingerprint fingerprint, string metadataHash)
    {
        using var lease = _store.Acquire();
        var id = source.DocumentId!.Value;
        var stored = StoredReading.ReadDocument(lease.Searcher, id);
        if (stored is null)
        {
            return null;
        }

        var passages = StoredReading.ReadPassages(lease.Searcher, id);
        return _pipeline.Rebuild(stored, passages, to.RelativePath, fingerprint, metadataHash);
    }

    private void Report(IProgress<SyncProgress>? progress, SyncProgress value)
    {
        _status = _status with { Progress = value };
        progress?.Report(value);
    }

    private static bool InScope(string path, HashSet<string>? scope)
    {
        if (scope is null)
        {
            return true;
        }

        foreach (var entry in scope)
        {
            if (path == entry || (path.Length > entry.Length && path.StartsWith(entry, StringComparison.Ordinal) && path[entry.Length] == '/'))
            {
                return true;
            }
        }

        return false;
    }

    // Reading the files is most of the checking stage (the metadata hash looks for sidecars beside each file, the content
    // hash reads it whole: 5 s at 100,000 files on one thread while the preparing threads waited), so it runs on the
    // sync's threads first and the decisions follow in corpus order. A file the ledger knows with the same size, time and
    // metadata is not read (Unchanged, as the decisions use it), and a new file only when a missing one could have moved
    // to it (hashNewFiles; else the preparing threads hash it); a hash this left out is read by the decisions themselves.
    private FileCheck[] ReadFiles(IReadOnlyList<CorpusFile> files, Dictionary<string, LedgerEntry> stored, Dictionary<string, LedgerEntry> failures, string taxonomyHash, bool hashNewFiles, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var checks = new FileCheck[files.Count];
        var done = 0;
        var reported = 0;
        var gate = new System.Threading.Lock();
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = cancellationToken };
        Parallel.For(0, files.Count, options, i =>
        {
            var file = files[i];
            try
            {
                var metadataHash = MetadataHash(file, taxonomyHash);
                var known = stored.GetValueOrDefault(file.RelativePath) ?? failures.GetValueOrDefault(file.RelativePath);
                var same = known is not null && Unchanged(known, file, metadataHash);
                checks[i] = new FileCheck(metadataHash, same || (known is null && !hashNewFiles) ? null : DocumentPipeline.HashFile(file.FullPath), false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                checks[i] = new FileCheck(string.Empty, null, true);
            }

            var count = Interlocked.Increment(ref done);
            if ((count & 255) == 0)
            {
                lock (gate)
                {
                    // Threads finish out of order; the count shown never goes back.
                    if (count > reported)
                    {
                        reported = count;
                        Report(progress, new SyncProgress(count, files.Count, file.RelativePath, SyncStage.Checking));
                    }
                }
            }
        });
        return checks;
    }

    // The ledger's size, time and metadata still match: the file is not read again.
    private static bool Unchanged(LedgerEntry known, CorpusFile file, string metadataHash) =>
        known.Fingerprint.Size == file.Size && known.Fingerprint.ModifiedTicks == file.ModifiedTicks && known.MetadataHash == metadataHash;

    private string MetadataHash(CorpusFile file, string taxonomyHash)
    {
        var sidecar = _resolver.FindSidecar(file.FullPath);
        if (sidecar is null || !File.Exists(sidecar))
        {
            return taxonomyHash;
        }

        return taxonomyHash + ":" + DocumentPipeline.HashFile(sidecar)[..16];
    }

    private static string TaxonomyHash(IMetadataResolver resolver)
    {
        var json = JsonSerializer.Serialize(resolver.Taxonomy);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
    }
}

/// <summary>Whether a sync is running, how far it got, and when one last completed.</summary>
public sealed record SyncStatus(bool Running, SyncProgress? Progress, DateTimeOffset? LastCompleted);
