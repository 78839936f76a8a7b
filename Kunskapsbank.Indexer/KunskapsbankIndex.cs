using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Corpus;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Indexer;

/// <summary>The composition root of the library: one index file and one corpus, with every stage wired.</summary>
/// <remarks>The CLI, the API, the UI and the benchmark all start here. Thread-safe; dispose once at shutdown.</remarks>
public sealed class KunskapsbankIndex : IDisposable
{
    private readonly IndexStore _store;
    private readonly CorpusSync _sync;

    private KunskapsbankIndex(IndexStore store, Analyzer analyzer, CorpusSync sync, SearchEngine search, string corpusPath)
    {
        _store = store;
        _sync = sync;
        Analyzer = analyzer;
        Search = search;
        Corpus = sync;
        CorpusPath = corpusPath;
        sync.Changed += (_, report) => Changed?.Invoke(this, report);
    }

    /// <summary>Raised after a sync changed the index (documents added, changed, moved, removed or failed).</summary>
    /// <remarks>Raised on the syncing thread; searches already see the new state when it fires.</remarks>
    public event EventHandler<SyncReport>? Changed;

    /// <summary>The analyzer shared by indexing and queries.</summary>
    public Analyzer Analyzer { get; }

    /// <summary>The query side.</summary>
    public ISearchEngine Search { get; }

    /// <summary>The writer side (sync of the corpus folder).</summary>
    public ICorpusIndexer Corpus { get; }

    /// <summary>The background OCR of scanned PDF pages: what is being read, and a way to wait for it (`index`).</summary>
    public BackgroundOcr Ocr => _sync.Ocr;

    /// <summary>The corpus folder (absolute).</summary>
    public string CorpusPath { get; }

    /// <summary>The index folder (absolute).</summary>
    public string IndexPath => _store.Path;

    /// <summary>True when this index only reads (CLI search, report and check beside a running service).</summary>
    public bool IsReadOnly => _store.IsReadOnly;

    /// <summary>When the last full sync completed (as committed), or null when none has.</summary>
    public DateTimeOffset? LastSync => _store.Data.LastSync;

    /// <summary>Whether a sync is running and how far it got (for readiness checks).</summary>
    public SyncStatus SyncStatus => _sync.Status;

    /// <summary>True when opening found an index of an older schema and started it afresh (the next sync fills it).</summary>
    public bool WasRebuilt => _store.WasRebuilt;

    /// <summary>Taxonomy problems (Swedish report lines) of the taxonomy file in force; empty when it is fine.</summary>
    public IReadOnlyList<string> TaxonomyProblems => _sync.Resolver.TaxonomyProblems;

    internal IndexStore Store => _store;

    internal CorpusSync Sync => _sync;

    /// <summary>Opens (or creates, or rebuilds on a schema change) the index folder and wires the stages.</summary>
    /// <exception cref="InvalidDataException">The folder holds something else, or an index of a newer schema.</exception>
    /// <exception cref="IndexLockedException">Another process writes to the index (not for a read-only open).</exception>
    public static KunskapsbankIndex Open(IndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var corpus = Path.GetFullPath(options.CorpusPath);

        // The index folder (the writer, Lucene's codecs: ≈ 0.2 s) opens beside the compound lexicon and the taxonomy,
        // whose trigger phrases go through the analysis (≈ 0.4 s together): one after the other they held up every
        // build's start on one thread.
        var opening = Task.Run(() => IndexStore.Open(options.IndexPath, options.ReadOnly));
        Analyzer analyzer;
        DocumentPipeline pipeline;
        IMetadataResolver resolver;
        Task? warming = null;
        try
        {
            analyzer = SwedishAnalyzer.Create();

            // Scanned pages are read by the background queue, never inside the sync (a long scan must not hold up other files).
            pipeline = new DocumentPipeline(ExtractorRegistry.CreateDefault(), analyzer, options.Limits with { DeferOcr = true });
            if (options.WarmWritePathWhileOpening && !options.ReadOnly)
            {
                // The folder's thread is idle once it is open, while this one still reads the taxonomy and then the
                // corpus folder (ARCHITECTURE.md decision 37).
                warming = opening.ContinueWith(
                    _ => WritePathWarmUp.RunQuietly(pipeline, new MetadataResolver(new Taxonomy([]), analyzer)),
                    CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion,
                    TaskScheduler.Default);
            }

            resolver = MetadataResolver.ForCorpus(corpus, analyzer);
        }
        catch
        {
            // An opened folder gives its write lock back; its own error, if it had one, is secondary to this one.
            Task.WaitAny(opening);
            if (opening.IsCompletedSuccessfully)
            {
                opening.Result.Dispose();
            }

            throw;
        }

        var store = opening.GetAwaiter().GetResult();
        return Open(options, store, analyzer, pipeline, resolver, () => MetadataResolver.ForCorpus(corpus, analyzer), warming);
    }

    /// <summary>Wires the stages over an opened store; the store is disposed if wiring fails.</summary>
    private static KunskapsbankIndex Open(IndexOptions options, IndexStore store, Analyzer analyzer, DocumentPipeline pipeline, IMetadataResolver resolver, Func<IMetadataResolver> resolverFactory, Task? warming)
    {
        var corpus = Path.GetFullPath(options.CorpusPath);
        try
        {
            CorpusSync? sync = null;
            var scanner = new CorpusScanner(corpus, path => sync?.Resolver.IsMetadataFile(path) ?? false);
            sync = new CorpusSync(store, scanner, pipeline, resolverFactory, options.IndexingThreads, options.RunOcr, resolver)
            {
                ReleaseMemoryAfterBulkChange = options.ReleaseMemoryAfterBulkChange,
                WarmingUp = warming,
            };
            var search = new SearchEngine(store, analyzer, () => sync.Resolver.Taxonomy);
            return new KunskapsbankIndex(store, analyzer, sync, search, corpus);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>A file being read by OCR is stopped; it stays `ocr` in the ledger and the next sync queues it again.</remarks>
    public void Dispose()
    {
        _sync.Dispose();
        _store.Dispose();
    }
}
