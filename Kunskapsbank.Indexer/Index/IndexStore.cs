using Kunskapsbank.Indexer.Ranking;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Kunskapsbank.Indexer.Index;

/// <summary>One index folder: the only <see cref="IndexWriter"/> of the process (or none, read-only) and the searchers over it.</summary>
/// <remarks>
/// The writer side refreshes its <see cref="SearcherManager"/> after each batch (near real time, uncommitted changes
/// included); commits are the recovery points, and a kill -9 at any moment leaves the last commit. A read-only store
/// (CLI search, report and check while the service runs) holds no lock and reopens when the folder has a newer commit.
/// Every searcher scores with BM25 and exact live statistics (<see cref="LiveStatisticsSearcher"/>).
/// </remarks>
public sealed class IndexStore : IDisposable
{
    private static readonly TimeSpan ReadOnlyRefreshInterval = TimeSpan.FromMilliseconds(200);

    private readonly LuceneDirectory _directory;
    private readonly WriterLock? _writerLock;
    private readonly System.Threading.Lock _lock = new();
    private readonly DeletionCache _deletions;
    private IndexWriter? _writer;
    private PausableMergePolicy _mergePolicy = new();
    private SearcherManager _searchers;
    private CommitData _data;
    private long _lastReadOnlyCheck;
    private bool _disposed;

    private IndexStore(string path, LuceneDirectory directory, WriterLock? writerLock, IndexWriter? writer, SearcherManager searchers, DeletionCache deletions, CommitData data, bool wasRebuilt)
    {
        _writerLock = writerLock;
        _deletions = deletions;
        Path = path;
        _directory = directory;
        _writer = writer;
        _searchers = searchers;
        _data = data;
        WasRebuilt = wasRebuilt;
    }

    /// <summary>The index folder (absolute).</summary>
    public string Path { get; }

    /// <summary>True when opening found an index of an older schema and started it afresh.</summary>
    public bool WasRebuilt { get; }

    /// <summary>True when this store only reads (no writer, no lock).</summary>
    public bool IsReadOnly => _writer is null;

    /// <summary>The writer's commit data as it will be committed next (read-only: as last committed).</summary>
    public CommitData Data
    {
        get
        {
            lock (_lock)
            {
                return _data;
            }
        }
    }

    /// <summary>The Lucene directory (for <c>CheckIndex</c>).</summary>
    internal LuceneDirectory Directory => _directory;

    /// <summary>The similarity every searcher and the writer use: BM25 (Lucene 4.8's default is TF-IDF).</summary>
    public static Similarity Similarity { get; } = new BM25Similarity();

    /// <summary>The codec every segment is written with (<see cref="KunskapsbankCodec"/>).</summary>
    public static Lucene.Net.Codecs.Codec Codec { get; } = new KunskapsbankCodec();

    /// <summary>Opens the index folder for writing (creating or rebuilding it as needed) or for reading only.</summary>
    /// <exception cref="InvalidDataException">The folder holds something else, or an index of a newer schema.</exception>
    /// <exception cref="IndexLockedException">Another process writes to the index.</exception>
    public static IndexStore Open(string path, bool readOnly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));
        var directory = IndexFolder.OpenDirectory(full, create: !readOnly);
        WriterLock? writerLock = null;
        try
        {
            var (state, data) = IndexFolder.Inspect(directory, full);
            writerLock = readOnly ? null : WriterLock.Take(full);
            var deletions = new DeletionCache();
            if (readOnly)
            {
                if (state != IndexFolder.State.Current)
                {
                    throw new InvalidDataException(state == IndexFolder.State.Empty
                        ? $"Det finns inget index i ”{full}” ännu. Kör först: kunskapsbank index <dokumentmapp> --index {full}"
                        : $"Indexet i ”{full}” har en äldre version och byggs om nästa gång dokumentmappen indexeras.");
                }

                return new IndexStore(full, directory, null, null, new SearcherManager(directory, new Factory(deletions)), deletions, data, false);
            }

            if (state == IndexFolder.State.Empty)
            {
                IndexFolder.RemoveBrokenFirstCommit(directory);
            }

            var mergePolicy = new PausableMergePolicy();
            var writer = OpenWriter(directory, full, state == IndexFolder.State.Current ? OpenMode.APPEND : OpenMode.CREATE, mergePolicy);
            try
            {
                if (state != IndexFolder.State.Current)
                {
                    // The first commit makes the folder an index of this schema, so an interrupted creation is recognised.
                    writer.SetCommitData(data.ToUserData());
                    writer.Commit();
                }

                return new IndexStore(full, directory, writerLock, writer, new SearcherManager(writer, true, new Factory(deletions)), deletions, data, state == IndexFolder.State.Older)
                {
                    _mergePolicy = mergePolicy,
                };
            }
            catch
            {
                writer.Dispose();
                throw;
            }
        }
        catch
        {
            directory.Dispose();
            writerLock?.Dispose();
            throw;
        }
    }

    /// <summary>A searcher over the current state; dispose the lease to give it back.</summary>
    public SearcherLease Acquire()
    {
        SearcherManager manager;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            manager = _searchers;
        }

        if (_writer is null)
        {
            RefreshReadOnly(manager);
        }

        return new SearcherLease(manager, manager.Acquire());
    }

    /// <summary>Makes everything written so far visible to new searches (near real time, before the commit).</summary>
    public void Refresh()
    {
        SearcherManager manager;
        lock (_lock)
        {
            manager = _searchers;
        }

        if (_writer is null)
        {
            manager.MaybeRefresh();
        }
        else
        {
            manager.MaybeRefreshBlocking();
        }
    }

    /// <summary>The writer (only the writing process's sync has one).</summary>
    internal IndexWriter Writer => _writer ?? throw new InvalidOperationException("Indexet är öppnat för läsning och kan inte ändras här.");

    /// <summary>Sets the data the next commit carries.</summary>
    internal void SetData(CommitData data)
    {
        lock (_lock)
        {
            _data = data;
        }
    }

    /// <summary>Makes everything written so far visible to searches, then commits it with the current commit data.</summary>
    /// <remarks>Refreshing first flushes what was written, so the commit after it only adds the commit point and syncs
    /// files: the fsyncs no longer delay near-real-time visibility.</remarks>
    internal void Commit()
    {
        var writer = Writer;
        Refresh();
        writer.SetCommitData(Data.ToUserData());
        writer.Commit();
    }

    /// <summary>Writes of a bulk change (a first build, a re-index) until disposed: a larger buffer, no merging on the way.</summary>
    /// <remarks>Every flush writes a segment's term dictionary and every merge writes its documents again; a bulk change
    /// ends with a merge to one segment anyway, so fewer, larger segments and no intermediate merges save both (see
    /// <see cref="PausableMergePolicy"/>). Compound files are skipped too: the final merge would copy them once more.</remarks>
    internal BulkWrites BeginBulk() => new(Writer, _mergePolicy);

    /// <summary>Merges the index into one segment (before a commit), so every query term is looked up once, not per segment.</summary>
    /// <remarks>Measured at 10,000 documents after a full build (13 segments → 1, 4.8 s, 120 → 108 MB): a plain word's
    /// match 13 → 4 ms, `risk*` 78 → 7 ms, passage placement 8 → 5 ms. Worth it after a bulk change, not after a watcher batch.</remarks>
    internal void MergeToOneSegment() => Writer.ForceMerge(1);

    /// <summary>Throws away everything since the last commit (what a crash would lose) and reopens the writer.</summary>
    internal void RollBack()
    {
        lock (_lock)
        {
            var writer = Writer;
            writer.Rollback();
            var (_, data) = IndexFolder.Inspect(_directory, Path);
            _data = data;
            _mergePolicy = new PausableMergePolicy();
            _writer = OpenWriter(_directory, Path, OpenMode.APPEND, _mergePolicy);
            var old = _searchers;
            _searchers = new SearcherManager(_writer, true, new Factory(_deletions));
            old.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _searchers.Dispose();

            // Closing without a commit keeps the last commit: disposal is not a recovery point, a completed batch is.
            _writer?.Rollback();
            _writer = null;
            _directory.Dispose();
            _writerLock?.Dispose();
        }
    }

    private static IndexWriter OpenWriter(LuceneDirectory directory, string path, OpenMode mode, PausableMergePolicy mergePolicy)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, null)
        {
            OpenMode = mode,
            Similarity = Similarity,
            RAMBufferSizeMB = BulkWrites.NormalRamBufferMb,
            MergePolicy = mergePolicy,
            Codec = Codec,
        };
        try
        {
            return new IndexWriter(directory, config);
        }
        catch (LockObtainFailedException ex)
        {
            throw new IndexLockedException(path, ex);
        }
    }

    private void RefreshReadOnly(SearcherManager manager)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastReadOnlyCheck);
        if (now - last < ReadOnlyRefreshInterval.TotalMilliseconds || Interlocked.CompareExchange(ref _lastReadOnlyCheck, now, last) != last)
        {
            return;
        }

        if (manager.MaybeRefresh())
        {
            var searcher = manager.Acquire();
            try
            {
                if (searcher.IndexReader is DirectoryReader reader)
                {
                    SetData(CommitData.From(reader.IndexCommit.UserData));
                }
            }
            finally
            {
                manager.Release(searcher);
            }
        }
    }

    /// <summary>Creates the searchers: BM25 and live statistics.</summary>
    private sealed class Factory(DeletionCache deletions) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new LiveStatisticsSearcher(reader, deletions) { Similarity = IndexStore.Similarity };
    }
}

/// <summary>A borrowed searcher; dispose to give it back to the manager that lent it.</summary>
public readonly struct SearcherLease(SearcherManager manager, IndexSearcher searcher) : IDisposable
{
    /// <summary>The searcher.</summary>
    public IndexSearcher Searcher => searcher;

    /// <inheritdoc />
    public void Dispose() => manager.Release(searcher);
}

/// <summary>Another process holds the index's write lock (the service, or another `kunskapsbank index`).</summary>
public sealed class IndexLockedException(string path, Exception inner)
    : IOException($"Indexet i {path} används redan av en annan process som skriver i det (till exempel tjänsten). Låt tjänsten sköta indexeringen, eller stoppa den och försök igen.", inner);
