using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Corpus;

/// <summary>Keeps the index in step with the corpus folder: decides what changed, runs the pipeline, writes in batches.</summary>
/// <remarks>One sync at a time per process (a lock) and per file (SQLite's write lock); searches are never blocked.</remarks>
public sealed class CorpusSync : ICorpusIndexer
{
    private const int BatchSize = 64;
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(2);

    private readonly IndexStore _store;
    private readonly CorpusScanner _scanner;
    private readonly DocumentPipeline _pipeline;
    private readonly Func<IMetadataResolver> _resolverFactory;
    private readonly Lock _syncLock = new();
    private IMetadataResolver _resolver;
    private volatile SyncStatus _status = new(false, null, null);

    /// <summary>Wires the sync; <paramref name="resolverFactory"/> is called again when the taxonomy may have changed.</summary>
    public CorpusSync(IndexStore store, CorpusScanner scanner, DocumentPipeline pipeline, Func<IMetadataResolver> resolverFactory)
    {
        ArgumentNullException.ThrowIfNull(resolverFactory);
        _store = store;
        _scanner = scanner;
        _pipeline = pipeline;
        _resolverFactory = resolverFactory;
        _resolver = resolverFactory();
    }

    /// <summary>Raised after a sync that changed the index (on the syncing thread).</summary>
    public event EventHandler<SyncReport>? Changed;

    /// <summary>Whether a sync runs now and how far it got; for readiness checks.</summary>
    public SyncStatus Status => _status;

    /// <summary>The resolver in force (its taxonomy labels the facets).</summary>
    public IMetadataResolver Resolver => _resolver;

    /// <summary>Test seam: called inside each document's write, before it is committed (throw to simulate a crash).</summary>
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
    public IndexReport GetReport()
    {
        var documents = _store.ReadDocuments().Select(d => new ReportedDocument(
            d.Summary.Id,
            d.Summary.Path,
            d.Summary.Title,
            d.Summary.Publisher,
            d.Summary.Year,
            d.Summary.DocumentType,
            d.Summary.Status,
            d.Tags,
            d.Problems)).ToList();
        var failed = _store.ReadFailures().Select(f => new FailedFile(f.Path, f.Kind, f.Reason)).ToList();
        return new IndexReport(documents, failed, _store.ReadLastSync());
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

                var report = Synchronise(scope, taxonomyHash, progress, clock, cancellationToken);
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

    private SyncReport Synchronise(HashSet<string>? scope, string taxonomyHash, IProgress<SyncProgress>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var scan = _scanner.Scan(scope);
        var onDisk = scan.Files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        var stored = _store.ReadStoredFiles().Where(f => InScope(f.Path, scope)).ToDictionary(f => f.Path, StringComparer.Ordinal);
        var failures = _store.ReadFailures().ToDictionary(f => f.Path, StringComparer.Ordinal);
        var missing = stored.Values.Where(f => !onDisk.ContainsKey(f.Path)).ToList();
        var missingByHash = missing.GroupBy(f => f.ContentHash).ToDictionary(g => g.Key, g => new Queue<StoredFile>(g));

        var failed = new List<FailedFile>(scan.Refused);
        var work = new List<(CorpusFile File, FileFingerprint Fingerprint, string MetadataHash, long? ExistingId)>();
        var moves = new List<(StoredFile From, CorpusFile To, FileFingerprint Fingerprint)>();
        var touches = new List<(long Id, FileFingerprint Fingerprint)>();
        var unchanged = 0;
        var done = 0;
        var total = scan.Files.Count;

        foreach (var file in scan.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((++done & 255) == 0)
            {
                Report(progress, new SyncProgress(done, total, file.RelativePath));
            }

            string metadataHash;
            string contentHash;
            try
            {
                metadataHash = MetadataHash(file, taxonomyHash);
                if (stored.TryGetValue(file.RelativePath, out var known))
                {
                    if (known.Size == file.Size && known.ModifiedTicks == file.ModifiedTicks && known.MetadataHash == metadataHash)
                    {
                        unchanged++;
                        continue;
                    }

                    contentHash = DocumentPipeline.HashFile(file.FullPath);
                    var fingerprint = new FileFingerprint(file.Size, file.ModifiedTicks, contentHash);
                    if (known.ContentHash == contentHash && known.MetadataHash == metadataHash)
                    {
                        touches.Add((known.Id, fingerprint));
                        unchanged++;
                    }
                    else
                    {
                        work.Add((file, fingerprint, metadataHash, known.Id));
                    }

                    continue;
                }

                if (failures.TryGetValue(file.RelativePath, out var failure) && failure.Size == file.Size && failure.ModifiedTicks == file.ModifiedTicks)
                {
                    failed.Add(new FailedFile(failure.Path, failure.Kind, failure.Reason));
                    continue;
                }

                contentHash = DocumentPipeline.HashFile(file.FullPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failed.Add(new FailedFile(file.RelativePath, "unreadable", "Filen kunde inte läsas. Kontrollera att den finns och att tjänsten får läsa den."));
                continue;
            }

            var print = new FileFingerprint(file.Size, file.ModifiedTicks, contentHash);
            if (missingByHash.TryGetValue(contentHash, out var queue) && queue.Count > 0)
            {
                var from = queue.Dequeue();
                missing.Remove(from);
                if (from.MetadataHash == metadataHash)
                {
                    moves.Add((from, file, print));
                }
                else
                {
                    work.Add((file, print, metadataHash, from.Id));
                }

                continue;
            }

            work.Add((file, print, metadataHash, null));
        }

        var indexed = 0;
        var batch = _store.BeginBatch();
        var batchClock = Stopwatch.StartNew();
        try
        {
            foreach (var (id, fingerprint) in touches)
            {
                batch.Touch(id, fingerprint);
            }

            foreach (var (from, to, fingerprint) in moves)
            {
                batch.Move(from.Id, to.RelativePath, fingerprint);
            }

            foreach (var gone in missing)
            {
                batch.Delete(gone.Id);
            }

            foreach (var path in failures.Keys.Where(p => InScope(p, scope) && !onDisk.ContainsKey(p)))
            {
                batch.ClearFailure(path);
            }

            // Extraction and analysis run in parallel; writing stays on this thread, in batches.
            var parallelism = Math.Max(1, Environment.ProcessorCount);
            for (var start = 0; start < work.Count; start += BatchSize)
            {
                var chunk = work.Skip(start).Take(BatchSize).ToList();
                var outcomes = chunk
                    .AsParallel()
                    .AsOrdered()
                    .WithDegreeOfParallelism(parallelism)
                    .WithCancellation(cancellationToken)
                    .Select(item => _pipeline.Prepare(item.File, item.Fingerprint, item.MetadataHash, _resolver, cancellationToken))
                    .ToList();
                for (var i = 0; i < chunk.Count; i++)
                {
                    var item = chunk[i];
                    var outcome = outcomes[i];
                    if (outcome.Document is { } document)
                    {
                        var hook = BeforeDocumentWrite;
                        batch.Upsert(document, item.ExistingId, hook is null ? null : () => hook(document.Path));
                        indexed++;
                    }
                    else
                    {
                        var failure = outcome.Failure!;
                        failed.Add(failure);
                        if (item.ExistingId is long existing)
                        {
                            batch.Delete(existing);
                        }

                        batch.RecordFailure(new StoredFailure(failure.Path, failure.Kind, failure.Reason, item.Fingerprint.Size, item.Fingerprint.ModifiedTicks, item.Fingerprint.ContentHash));
                    }
                }

                Report(progress, new SyncProgress(Math.Min(start + chunk.Count, work.Count), work.Count, chunk[^1].File.RelativePath));
                if (batchClock.Elapsed > CommitInterval)
                {
                    // Commit now and then so searches see a long run's progress and a crash loses little.
                    batch.Commit(completedSync: false);
                    batch.Dispose();
                    batch = _store.BeginBatch();
                    batchClock.Restart();
                }
            }

            batch.Commit(completedSync: scope is null);
        }
        finally
        {
            batch.Dispose();
        }

        return new SyncReport(indexed, unchanged, missing.Count, moves.Count, failed, clock.Elapsed);
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
