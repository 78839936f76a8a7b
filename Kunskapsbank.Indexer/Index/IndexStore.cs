using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Kunskapsbank.Indexer.Index;

/// <summary>The SQLite index file: every SQL statement of the product lives in this class (partial over three files).</summary>
/// <remarks>
/// Schema (version <see cref="SchemaVersion"/>):
/// <list type="bullet">
/// <item><c>meta(key, value)</c>: schema version, the generation counter (bumped by every write so readers in any
/// process notice a change and refresh their caches) and the time of the last sync.</item>
/// <item><c>documents</c>: one row per indexed file: path relative to the corpus, fingerprint (size, mtime ticks,
/// SHA-256) to detect changes and moves, the hash of the metadata sources (sidecar + taxonomy) to re-resolve tags
/// when they change, and the resolved metadata. Tags and problems are JSON because only the report reads them.</item>
/// <item><c>passages</c>: the unit of matching and of snippets: PDF pages or sections under headings. The id is
/// <c>document id × 1 000 000 + ordinal</c>, so a document's passages are one rowid range in both this table and
/// <c>passage_fts</c> (FTS5 seeks rowid ranges, which is how passages are found for the top documents only).</item>
/// <item><c>facets(doc_id, facet, value)</c>: every facet value of a document (taxonomy tags plus the derived
/// ar, utgivare, dokumenttyp and status), loaded once into the in-memory facet cache.</item>
/// <item><c>failures</c>: files that could not be indexed, with a Swedish reason and the fingerprint that failed,
/// so an unchanged broken file is not re-extracted on every run.</item>
/// <item><c>doc_fts</c>: FTS5, one row per document (rowid = document id): title, headings and body, each as exact
/// words (<c>_w</c>) and stems (<c>_s</c>), plus compound parts. This is where queries match and documents are ranked:
/// "all terms must match" is a document-level condition and a 10k-row table ranks fast.</item>
/// <item><c>passage_fts</c>: FTS5, one row per passage (rowid = passage id): heading stems, body stems and compound
/// parts. Used only to find which passages of a result-page document hold which query words (a rowid-range lookup per
/// word, no bm25: bm25 would re-count every word over the whole table on each call); surface words are not needed
/// here, so they are not stored twice.</item>
/// <item><c>doc_vocab</c>: fts5vocab over <c>doc_fts</c>: document frequencies for typo correction and typeahead.</item>
/// <item><c>doc_changes(generation, doc_id)</c>: which documents each generation inserted, changed or removed,
/// written by triggers on <c>documents</c> so no write path can forget it. Searchers refresh their in-memory snapshot
/// from it instead of reloading every document after each change; <c>meta.changes_from</c> says how far back it
/// reaches (older rows are pruned, and an index made before the log existed starts it at its generation then).</item>
/// </list>
/// <c>doc_fts</c> keeps its own copy of the indexed terms: bm25 divides by the row count and average column lengths
/// FTS5 keeps for the table, and only a table that knows a deleted row's values subtracts them. A contentless_delete
/// table leaves both totals as they were, so after changes, deletions and moves the scores drifted away from those of a
/// clean build of the same files. <c>passage_fts</c> is never ranked, so it stays contentless (the text lives in
/// <c>passages</c>) with contentless_delete so a document can be replaced in place. Their tokenizer is told to keep our terms whole (see <see cref="FtsTerm"/>): the analyzer has
/// already done all tokenizing. WAL lets one writer work while any number of readers search.
/// </remarks>
public sealed partial class IndexStore : IDisposable
{
    /// <summary>Bump when the schema or the way text is analysed into it changes; an older file is rebuilt.</summary>
    public const int SchemaVersion = 8;

    /// <summary>Passage ids are document id times this plus the ordinal.</summary>
    public const long PassageIdStride = 1_000_000;

    /// <summary>Page cache of each reader connection, in KiB. Small on purpose: the kernel's page cache (shared by all
    /// connections) holds the index anyway, and with 2 MB instead of 8 MB per reader the service answered as many requests
    /// per second with 30 MB less resident memory (docs/stresstest.md).</summary>
    private const int ReaderCacheKib = 2 * 1024;

    /// <summary>Page cache of the single writer connection, in KiB: indexing 10,000 documents took as long with 8 MB as with
    /// 64 MB (38 s), and the larger cache stayed resident in the service after every re-index.</summary>
    private const int WriterCacheKib = 8 * 1024;

    // No mmap: each connection maps the file on its own, and every page a search touches then counts once per reader in
    // the service's RSS (150 MB of the 440 MB measured at 10,000 documents). Reads through the kernel's page cache were
    // as fast under the same load (docs/stresstest.md), and that cache is shared and given back under memory pressure.
    private const long MmapBytes = 0;

    /// <summary>Generations the change log keeps: a searcher further behind than this reloads its snapshot in full.</summary>
    internal const long ChangeLogGenerations = 256;

    /// <summary>The log is pruned on every this-many-th generation.</summary>
    private const long ChangeLogPruneEvery = 32;

    private readonly string _connectionString;
    private readonly ConcurrentBag<ReaderSession> _readers = [];
    private readonly SemaphoreSlim _readerSlots;
    private int _openReaders;
    private readonly Lock _writerLock = new();
    private SqliteConnection? _writer;
    private bool _disposed;

    private IndexStore(string path, int maxReaders)
    {
        Path = path;
        MaxReaders = maxReaders;
        _readerSlots = new SemaphoreSlim(maxReaders, maxReaders);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The index file.</summary>
    public string Path { get; }

    /// <summary>True when opening found an index of another schema version and started a fresh one.</summary>
    public bool WasRebuilt { get; private set; }

    /// <summary>The most reader connections this store ever holds open; further readers wait for a free one.</summary>
    public int MaxReaders { get; }

    /// <summary>Reader connections open right now (pooled or rented).</summary>
    public int OpenReaders => Volatile.Read(ref _openReaders);

    /// <summary>The default bound on reader connections: enough to keep every core busy, independent of client count.</summary>
    public static int DefaultMaxReaders => 2 * Environment.ProcessorCount;

    /// <summary>Opens or creates the index file (and its folder); a file of an older schema version is replaced.</summary>
    /// <exception cref="InvalidDataException">The file was written by a newer schema version (it is left untouched).</exception>
    public static IndexStore Open(string path) => Open(path, DefaultMaxReaders);

    /// <summary>Opens or creates the index file with at most <paramref name="maxReaders"/> reader connections.</summary>
    /// <exception cref="InvalidDataException">The file was written by a newer schema version (it is left untouched).</exception>
    public static IndexStore Open(string path, int maxReaders)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReaders, 1);
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var store = new IndexStore(full, maxReaders);
        store.Initialise();
        return store;
    }

    private void Initialise()
    {
        var version = ReadSchemaVersion();
        if (version > SchemaVersion)
        {
            // Never destroy an index a newer program built (e.g. after rolling back the service).
            throw new InvalidDataException($"Indexfilen {Path} är skapad av en nyare version av Kunskapsbank (schema {version}, det här programmet har {SchemaVersion}). Uppdatera programmet eller ange en annan indexfil.");
        }

        if (version is not null && version != SchemaVersion)
        {
            DeleteIndexFiles();
            WasRebuilt = true;
        }

        using var connection = OpenConnection();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        using var transaction = connection.BeginTransaction();
        Execute(connection, Schema, transaction);
        Execute(connection, "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', $v), ('generation', '0');", transaction, ("$v", SchemaVersion.ToString(CultureInfo.InvariantCulture)));
        // An index made before the change log existed has logged nothing so far: snapshots older than now reload in full.
        Execute(connection, "INSERT OR IGNORE INTO meta(key, value) SELECT 'changes_from', value FROM meta WHERE key = 'generation';", transaction);
        transaction.Commit();
    }

    private int? ReadSchemaVersion()
    {
        if (!File.Exists(Path) || new FileInfo(Path).Length == 0)
        {
            return null;
        }

        try
        {
            using var connection = OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                // A database with no tables is an index whose creation was cut off (killed before the schema
                // committed): there is nothing in it to lose, so it is created as new.
                return null;
            }

            command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
            var value = command.ExecuteScalar() as string;
            return int.TryParse(value, CultureInfo.InvariantCulture, out var v) ? v : -1;
        }
        catch (SqliteException)
        {
            // Not an index at all (a mistyped --index pointing at a document, say): never overwrite it.
            throw new InvalidDataException($"Filen {Path} är inte ett Kunskapsbank-index och lämnas orörd. Ange en annan indexfil.");
        }
    }

    private void DeleteIndexFiles()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }

    private const string FtsColumnsDocument = "title_w, title_s, head_w, head_s, body_w, body_s, parts";
    private const string FtsColumnsPassage = "head_s, body_s, parts";

    private const string Schema = $"""
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS documents(
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime INTEGER NOT NULL,
            metadata_hash TEXT NOT NULL,
            title TEXT NOT NULL,
            publisher TEXT,
            year INTEGER,
            document_type TEXT,
            status TEXT NOT NULL,
            superseded_by TEXT,
            content_type TEXT NOT NULL,
            page_count INTEGER,
            tags TEXT NOT NULL,
            problems TEXT NOT NULL,
            indexed_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS documents_by_hash ON documents(content_hash);
        CREATE TABLE IF NOT EXISTS passages(
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL,
            ordinal INTEGER NOT NULL,
            page INTEGER,
            heading_path TEXT NOT NULL,
            text TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS facets(
            doc_id INTEGER NOT NULL,
            facet TEXT NOT NULL,
            value TEXT NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (doc_id, facet, value)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS failures(
            path TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            reason TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            failed_at INTEGER NOT NULL) WITHOUT ROWID;
        CREATE VIRTUAL TABLE IF NOT EXISTS doc_fts USING fts5({FtsColumnsDocument},
            tokenize="{FtsTerm.Tokenizer}", prefix='3');
        CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts USING fts5({FtsColumnsPassage},
            content='', contentless_delete=1, tokenize="{FtsTerm.Tokenizer}");
        CREATE VIRTUAL TABLE IF NOT EXISTS doc_vocab USING fts5vocab(doc_fts, 'col');
        CREATE TABLE IF NOT EXISTS doc_changes(
            generation INTEGER NOT NULL,
            doc_id INTEGER NOT NULL,
            PRIMARY KEY (generation, doc_id)) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS documents_inserted AFTER INSERT ON documents BEGIN
            INSERT OR IGNORE INTO doc_changes(generation, doc_id) SELECT CAST(value AS INTEGER) + 1, NEW.id FROM meta WHERE key = 'generation';
        END;
        CREATE TRIGGER IF NOT EXISTS documents_updated AFTER UPDATE ON documents BEGIN
            INSERT OR IGNORE INTO doc_changes(generation, doc_id) SELECT CAST(value AS INTEGER) + 1, NEW.id FROM meta WHERE key = 'generation';
        END;
        CREATE TRIGGER IF NOT EXISTS documents_deleted AFTER DELETE ON documents BEGIN
            INSERT OR IGNORE INTO doc_changes(generation, doc_id) SELECT CAST(value AS INTEGER) + 1, OLD.id FROM meta WHERE key = 'generation';
        END;
        """;

    private SqliteConnection OpenConnection(int cacheKib = ReaderCacheKib)
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // A negative cache_size is in KiB. Every connection has its own page cache, so readers get a small one.
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA synchronous=NORMAL; PRAGMA mmap_size={MmapBytes}; PRAGMA cache_size=-{cacheKib}; PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=30000;"));
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    /// <summary>Runs SQLite's and FTS5's own consistency checks; returns the problems found (empty when healthy).</summary>
    public IReadOnlyList<string> CheckIntegrity()
    {
        var problems = new List<string>();
        using var connection = OpenConnection();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA integrity_check";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var line = reader.GetString(0);
                if (line != "ok")
                {
                    problems.Add(line);
                }
            }
        }

        foreach (var table in new[] { "doc_fts", "passage_fts" })
        {
            try
            {
                Execute(connection, $"INSERT INTO {table}({table}) VALUES('integrity-check')");
            }
            catch (SqliteException ex)
            {
                problems.Add($"{table}: {ex.Message}");
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM passages WHERE doc_id NOT IN (SELECT id FROM documents)";
            var orphans = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (orphans > 0)
            {
                problems.Add($"{orphans} passages without a document");
            }
        }

        return problems;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        lock (_writerLock)
        {
            _writer?.Dispose();
            _writer = null;
        }

        while (_readers.TryTake(out var session))
        {
            Interlocked.Decrement(ref _openReaders);
            session.Dispose();
        }
    }
}
