using System.Globalization;
using System.Text.Json;
using Kunskapsbank.Indexer.Facets;
using Kunskapsbank.Indexer.Metadata;
using Microsoft.Data.Sqlite;

namespace Kunskapsbank.Indexer.Index;

public sealed partial class IndexStore
{
    /// <summary>Starts a write transaction; only one batch exists at a time (the caller holds the corpus lock).</summary>
    /// <remarks>Each document is written under its own savepoint, so a failure half-way through one document undoes
    /// just that document; a crash before <see cref="WriteBatch.Commit"/> undoes the whole batch and the next sync
    /// redoes it, because the fingerprints were never updated.</remarks>
    public WriteBatch BeginBatch()
    {
        lock (_writerLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer ??= OpenConnection(WriterCacheKib);
            return new WriteBatch(_writer);
        }
    }

    /// <summary>Every indexed file with its fingerprint.</summary>
    public List<StoredFile> ReadStoredFiles()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, path, content_hash, size, mtime, metadata_hash FROM documents";
        using var reader = command.ExecuteReader();
        var files = new List<StoredFile>();
        while (reader.Read())
        {
            files.Add(new StoredFile(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetString(5)));
        }

        return files;
    }

    /// <summary>Every failed file with the fingerprint that failed.</summary>
    public List<StoredFailure> ReadFailures()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT path, kind, reason, size, mtime, content_hash FROM failures ORDER BY path";
        using var reader = command.ExecuteReader();
        var failures = new List<StoredFailure>();
        while (reader.Read())
        {
            failures.Add(new StoredFailure(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetString(5)));
        }

        return failures;
    }

    /// <summary>Every document with metadata, tags and problems, ordered by path (for the report).</summary>
    public List<StoredDocument> ReadDocuments()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {DocumentColumns}, content_type, page_count, tags, problems FROM documents ORDER BY path";
        using var reader = command.ExecuteReader();
        var documents = new List<StoredDocument>();
        while (reader.Read())
        {
            documents.Add(ReadStoredDocument(reader));
        }

        return documents;
    }

    /// <summary>The time of the last completed sync, or null.</summary>
    public DateTimeOffset? ReadLastSync()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'last_sync'";
        return command.ExecuteScalar() is string text && long.TryParse(text, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
    }

    private const string DocumentColumns = "id, path, title, publisher, year, document_type, status, superseded_by";

    private static DocumentSummary ReadSummary(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetInt32(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7));

    private static StoredDocument ReadStoredDocument(SqliteDataReader reader) => new(
        ReadSummary(reader),
        reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetInt32(9),
        JsonSerializer.Deserialize<List<FacetTag>>(reader.GetString(10)) ?? [],
        JsonSerializer.Deserialize<List<string>>(reader.GetString(11)) ?? []);

    /// <summary>One write transaction. Not thread-safe; dispose without <see cref="Commit"/> to roll back.</summary>
    public sealed class WriteBatch : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly Dictionary<string, SqliteCommand> _commands = [];
        private int _savepoint;
        private bool _done;

        internal WriteBatch(SqliteConnection connection)
        {
            _connection = connection;
            _transaction = connection.BeginTransaction(deferred: false);
        }

        /// <summary>Number of documents written, moved or removed in this batch.</summary>
        public int Changes { get; private set; }

        /// <summary>Writes a document, replacing the one with <paramref name="existingId"/> (keeping its id) when given.</summary>
        /// <returns>The document id.</returns>
        public long Upsert(IndexedDocument document, long? existingId, Action? beforeCommitHook = null)
        {
            ArgumentNullException.ThrowIfNull(document);
            var savepoint = "d" + (++_savepoint).ToString(CultureInfo.InvariantCulture);
            Run($"SAVEPOINT {savepoint}");
            try
            {
                long id;
                if (existingId is long known)
                {
                    DeleteContent(known);
                    id = known;
                    Run(UpdateDocumentSql, DocumentParameters(document, id));
                }
                else
                {
                    Run("DELETE FROM documents WHERE path = $path", ("$path", document.Path));
                    id = Convert.ToInt64(Scalar(InsertDocumentSql, DocumentParameters(document, null)), CultureInfo.InvariantCulture);
                }

                InsertFts("doc_fts", FtsColumnsDocument, id, document.DocumentColumns, true);
                var passageCount = Math.Min(document.Passages.Count, (int)PassageIdStride - 1);
                for (var i = 0; i < passageCount; i++)
                {
                    var passage = document.Passages[i];
                    var passageId = (id * PassageIdStride) + i;
                    Run(
                        "INSERT INTO passages(id, doc_id, ordinal, page, heading_path, text) VALUES ($id, $doc, $ord, $page, $heading, $text)",
                        ("$id", passageId),
                        ("$doc", id),
                        ("$ord", i),
                        ("$page", passage.Page),
                        ("$heading", JsonSerializer.Serialize(passage.HeadingPath)),
                        ("$text", passage.Text));
                    InsertFts("passage_fts", FtsColumnsPassage, passageId, document.PassageColumns[i], false);
                }

                foreach (var (facet, value, label) in FacetRows(document))
                {
                    Run("INSERT OR IGNORE INTO facets(doc_id, facet, value, label) VALUES ($doc, $facet, $value, $label)", ("$doc", id), ("$facet", facet), ("$value", value), ("$label", label));
                }

                Run("DELETE FROM failures WHERE path = $path", ("$path", document.Path));
                beforeCommitHook?.Invoke();
                Run($"RELEASE {savepoint}");
                Changes++;
                return id;
            }
            catch
            {
                Run($"ROLLBACK TO {savepoint}");
                Run($"RELEASE {savepoint}");
                throw;
            }
        }

        /// <summary>Removes a document and everything derived from it.</summary>
        public void Delete(long id)
        {
            DeleteContent(id);
            Run("DELETE FROM documents WHERE id = $id", ("$id", id));
            Changes++;
        }

        /// <summary>Points a document at its new path (a move or rename with identical content): no re-extraction.</summary>
        public void Move(long id, string newPath, FileFingerprint fingerprint)
        {
            ArgumentNullException.ThrowIfNull(fingerprint);
            Run("DELETE FROM documents WHERE path = $path AND id <> $id", ("$path", newPath), ("$id", id));
            Run("UPDATE documents SET path = $path, size = $size, mtime = $mtime WHERE id = $id", ("$path", newPath), ("$size", fingerprint.Size), ("$mtime", fingerprint.ModifiedTicks), ("$id", id));
            Run("DELETE FROM failures WHERE path = $path", ("$path", newPath));
            Changes++;
        }

        /// <summary>Records a new size/time for a file whose content hash did not change.</summary>
        public void Touch(long id, FileFingerprint fingerprint)
        {
            ArgumentNullException.ThrowIfNull(fingerprint);
            Run("UPDATE documents SET size = $size, mtime = $mtime WHERE id = $id", ("$size", fingerprint.Size), ("$mtime", fingerprint.ModifiedTicks), ("$id", id));
        }

        /// <summary>Records (or replaces) the failure of a file.</summary>
        public void RecordFailure(StoredFailure failure)
        {
            ArgumentNullException.ThrowIfNull(failure);
            Run(
                "INSERT OR REPLACE INTO failures(path, kind, reason, size, mtime, content_hash, failed_at) VALUES ($path, $kind, $reason, $size, $mtime, $hash, $at)",
                ("$path", failure.Path),
                ("$kind", failure.Kind),
                ("$reason", failure.Reason),
                ("$size", failure.Size),
                ("$mtime", failure.ModifiedTicks),
                ("$hash", failure.ContentHash),
                ("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            Changes++;
        }

        /// <summary>Forgets the failure of a file that is gone or now indexed.</summary>
        public void ClearFailure(string path)
        {
            Run("DELETE FROM failures WHERE path = $path", ("$path", path));
        }

        /// <summary>Commits, bumping the generation when anything changed so readers refresh their caches.</summary>
        public void Commit(bool completedSync)
        {
            if (Changes > 0)
            {
                Run("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'");
                PruneChangeLog();
            }

            if (completedSync)
            {
                Run("INSERT OR REPLACE INTO meta(key, value) VALUES ('last_sync', $v)", ("$v", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
            }

            _transaction.Commit();
            _done = true;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (!_done)
            {
                _transaction.Rollback();
            }

            _transaction.Dispose();
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }
        }

        // A searcher whose snapshot is older than what the log keeps reloads everything, which is what it did before
        // the log existed; pruning in steps keeps the log a few thousand rows at most without a delete per commit.
        private void PruneChangeLog()
        {
            var generation = Convert.ToInt64(Scalar("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'"), CultureInfo.InvariantCulture);
            if (generation % ChangeLogPruneEvery != 0)
            {
                return;
            }

            var horizon = generation - ChangeLogGenerations;
            Run("DELETE FROM doc_changes WHERE generation <= $h", ("$h", horizon));
            Run("UPDATE meta SET value = CAST(max(CAST(value AS INTEGER), $h) AS TEXT) WHERE key = 'changes_from'", ("$h", horizon));
        }

        private void DeleteContent(long id)
        {
            Run("DELETE FROM doc_fts WHERE rowid = $id", ("$id", id));
            Run("DELETE FROM passage_fts WHERE rowid BETWEEN $lo AND $hi", ("$lo", id * PassageIdStride), ("$hi", ((id + 1) * PassageIdStride) - 1));
            Run("DELETE FROM passages WHERE id BETWEEN $lo AND $hi", ("$lo", id * PassageIdStride), ("$hi", ((id + 1) * PassageIdStride) - 1));
            Run("DELETE FROM facets WHERE doc_id = $id", ("$id", id));
        }

        private void InsertFts(string table, string columns, long rowid, FtsColumns values, bool withTitle)
        {
            if (withTitle)
            {
                Run(
                    $"INSERT INTO {table}(rowid, {columns}) VALUES ($id, $tw, $ts, $hw, $hs, $bw, $bs, $p)",
                    ("$id", rowid),
                    ("$tw", values.TitleWords),
                    ("$ts", values.TitleStems),
                    ("$hw", values.HeadingWords),
                    ("$hs", values.HeadingStems),
                    ("$bw", values.BodyWords),
                    ("$bs", values.BodyStems),
                    ("$p", values.Parts));
            }
            else
            {
                Run(
                    $"INSERT INTO {table}(rowid, {columns}) VALUES ($id, $hs, $bs, $p)",
                    ("$id", rowid),
                    ("$hs", values.HeadingStems),
                    ("$bs", values.BodyStems),
                    ("$p", values.Parts));
            }
        }

        private const string InsertDocumentSql = """
            INSERT INTO documents(path, content_hash, size, mtime, metadata_hash, title, publisher, year, document_type, status,
                superseded_by, content_type, page_count, tags, problems, indexed_at)
            VALUES ($path, $hash, $size, $mtime, $mhash, $title, $publisher, $year, $type, $status, $superseded, $ctype, $pages,
                $tags, $problems, $at)
            RETURNING id
            """;

        private const string UpdateDocumentSql = """
            UPDATE documents SET path = $path, content_hash = $hash, size = $size, mtime = $mtime, metadata_hash = $mhash,
                title = $title, publisher = $publisher, year = $year, document_type = $type, status = $status,
                superseded_by = $superseded, content_type = $ctype, page_count = $pages, tags = $tags, problems = $problems,
                indexed_at = $at
            WHERE id = $id
            """;

        private static (string, object?)[] DocumentParameters(IndexedDocument document, long? id)
        {
            var metadata = document.Metadata;
            var list = new List<(string, object?)>
            {
                ("$path", document.Path),
                ("$hash", document.Fingerprint.ContentHash),
                ("$size", document.Fingerprint.Size),
                ("$mtime", document.Fingerprint.ModifiedTicks),
                ("$mhash", document.MetadataHash),
                ("$title", metadata.Title),
                ("$publisher", metadata.Publisher),
                ("$year", metadata.Year),
                ("$type", metadata.DocumentType),
                ("$status", StatusIds.For(metadata.Status)),
                ("$superseded", metadata.SupersededBy),
                ("$ctype", document.ContentType),
                ("$pages", document.PageCount),
                ("$tags", JsonSerializer.Serialize(metadata.Tags)),
                ("$problems", JsonSerializer.Serialize(document.Problems)),
                ("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
            };
            if (id is long value)
            {
                list.Add(("$id", value));
            }

            return [.. list];
        }

        // The resolver already tags the derived facets (ar, utgivare, dokumenttyp, status); they are added here only
        // when missing, so every filterable value is one row in the facets table.
        private static IEnumerable<(string Facet, string Value, string Label)> FacetRows(IndexedDocument document)
        {
            var metadata = document.Metadata;
            var facets = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tag in metadata.Tags)
            {
                facets.Add(tag.Facet);
                var label = tag.Facet == FacetIds.Utgivare && !string.IsNullOrWhiteSpace(metadata.Publisher) ? metadata.Publisher.Trim() : tag.Value;
                yield return (tag.Facet, tag.Value, label);
            }

            if (metadata.Year is int year && !facets.Contains(FacetIds.Ar))
            {
                var text = year.ToString(CultureInfo.InvariantCulture);
                yield return (FacetIds.Ar, text, text);
            }

            if (!string.IsNullOrWhiteSpace(metadata.Publisher) && !facets.Contains(FacetIds.Utgivare))
            {
                yield return (FacetIds.Utgivare, Slug.From(metadata.Publisher), metadata.Publisher.Trim());
            }

            if (!string.IsNullOrWhiteSpace(metadata.DocumentType) && !facets.Contains(FacetIds.Dokumenttyp))
            {
                yield return (FacetIds.Dokumenttyp, metadata.DocumentType, metadata.DocumentType);
            }

            if (!facets.Contains(FacetIds.Status))
            {
                yield return (FacetIds.Status, StatusIds.For(metadata.Status), StatusIds.Label(metadata.Status));
            }
        }

        private void Run(string sql, params (string Name, object? Value)[] parameters) => Prepare(sql, parameters).ExecuteNonQuery();

        private object? Scalar(string sql, params (string Name, object? Value)[] parameters) => Prepare(sql, parameters).ExecuteScalar();

        // Statements are prepared once per batch and reused: indexing thousands of documents is dominated by these.
        private SqliteCommand Prepare(string sql, (string Name, object? Value)[] parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.CommandText = sql;
                command.Transaction = _transaction;
                foreach (var (name, _) in parameters)
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                command.Prepare();
                _commands[sql] = command;
            }

            foreach (var (name, value) in parameters)
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }

            return command;
        }
    }
}
