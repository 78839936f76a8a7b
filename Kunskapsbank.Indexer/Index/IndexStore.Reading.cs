using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Kunskapsbank.Indexer.Index;

public sealed partial class IndexStore
{
    /// <summary>Borrows a reader connection with its prepared statements; return it with <see cref="Return"/>.</summary>
    /// <remarks>Connections and statements are reused across queries: opening and preparing would otherwise cost more
    /// than matching a rare term. At most <see cref="MaxReaders"/> exist: each holds a page cache and statement memory,
    /// so a burst of clients waits briefly for a free reader instead of growing memory with the number of clients.
    /// Never rent a second session while holding one (that could wait for ever when all are taken).</remarks>
    public ReaderSession Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _readerSlots.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_readers.TryTake(out var session))
            {
                return session;
            }

            Interlocked.Increment(ref _openReaders);
            try
            {
                return new ReaderSession(OpenConnection());
            }
            catch
            {
                Interlocked.Decrement(ref _openReaders);
                throw;
            }
        }
        catch
        {
            _readerSlots.Release();
            throw;
        }
    }

    /// <summary>Gives a session back to the pool.</summary>
    public void Return(ReaderSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (_disposed)
        {
            Interlocked.Decrement(ref _openReaders);
            session.Dispose();
        }
        else
        {
            _readers.Add(session);
        }

        _readerSlots.Release();
    }

    /// <summary>One reader connection and its prepared statements. Used by one thread at a time.</summary>
    public sealed class ReaderSession : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = [];

        internal ReaderSession(SqliteConnection connection) => _connection = connection;

        /// <summary>The generation counter; it changes with every committed write.</summary>
        public long ReadGeneration()
        {
            var command = Prepare("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'");
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        /// <summary>Streams (document id, score) for every document matching <paramref name="match"/>; higher is better.</summary>
        /// <param name="weights">bm25 column weights for title_w, title_s, head_w, head_s, body_w, body_s, parts.</param>
        public void MatchDocuments(string match, string weights, Action<long, double> onRow, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(onRow);
            var command = Prepare($"SELECT rowid, -bm25(doc_fts, {weights}) FROM doc_fts WHERE doc_fts MATCH $q", "$q");
            command.Parameters[0].Value = match;
            using var reader = command.ExecuteReader();
            var n = 0;
            while (reader.Read())
            {
                if ((++n & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                onRow(reader.GetInt64(0), reader.GetDouble(1));
            }
        }

        /// <summary>The passages of one document that match <paramref name="match"/>, in document order.</summary>
        public List<long> PassagesMatching(string match, long documentId)
        {
            var command = Prepare("SELECT rowid FROM passage_fts WHERE passage_fts MATCH $q AND rowid BETWEEN $lo AND $hi", "$q", "$lo", "$hi");
            command.Parameters[0].Value = match;
            command.Parameters[1].Value = documentId * PassageIdStride;
            command.Parameters[2].Value = ((documentId + 1) * PassageIdStride) - 1;
            using var reader = command.ExecuteReader();
            var list = new List<long>();
            while (reader.Read())
            {
                list.Add(reader.GetInt64(0));
            }

            return list;
        }

        /// <summary>How many passages a document has.</summary>
        public int CountPassages(long documentId)
        {
            var command = Prepare("SELECT count(*) FROM passages WHERE id BETWEEN $lo AND $hi", "$lo", "$hi");
            command.Parameters[0].Value = documentId * PassageIdStride;
            command.Parameters[1].Value = ((documentId + 1) * PassageIdStride) - 1;
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        /// <summary>One passage, or null.</summary>
        public StoredPassage? ReadPassage(long passageId)
        {
            var command = Prepare("SELECT id, doc_id, ordinal, page, heading_path, text FROM passages WHERE id = $id", "$id");
            command.Parameters[0].Value = passageId;
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadPassageRow(reader) : null;
        }

        /// <summary>All passages of a document in order.</summary>
        public List<StoredPassage> ReadPassages(long documentId)
        {
            var command = Prepare("SELECT id, doc_id, ordinal, page, heading_path, text FROM passages WHERE id BETWEEN $lo AND $hi ORDER BY id", "$lo", "$hi");
            command.Parameters[0].Value = documentId * PassageIdStride;
            command.Parameters[1].Value = ((documentId + 1) * PassageIdStride) - 1;
            using var reader = command.ExecuteReader();
            var list = new List<StoredPassage>();
            while (reader.Read())
            {
                list.Add(ReadPassageRow(reader));
            }

            return list;
        }

        /// <summary>A document's full row, or null.</summary>
        public StoredDocument? ReadDocument(long id)
        {
            var command = Prepare($"SELECT {DocumentColumns}, content_type, page_count, tags, problems FROM documents WHERE id = $id", "$id");
            command.Parameters[0].Value = id;
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadStoredDocument(reader) : null;
        }

        /// <summary>All document summaries (for the in-memory cache).</summary>
        public List<DocumentSummary> ReadSummaries() => ReadSummaries(Prepare($"SELECT {DocumentColumns} FROM documents"));

        /// <summary>Every (document, facet, value, label) row (for the in-memory facet cache).</summary>
        public void ReadFacetRows(Action<long, string, string, string> onRow)
        {
            ArgumentNullException.ThrowIfNull(onRow);
            ReadFacetRows(Prepare("SELECT doc_id, facet, value, label FROM facets"), onRow);
        }

        /// <summary>Runs <paramref name="read"/> inside one read transaction, so all its statements see the same commit.</summary>
        /// <remarks>Plain BEGIN/COMMIT text rather than a SqliteTransaction: the session's cached statements are not
        /// bound to a transaction object, and Microsoft.Data.Sqlite refuses unbound commands inside one.</remarks>
        public T InReadTransaction<T>(Func<T> read)
        {
            ArgumentNullException.ThrowIfNull(read);
            Prepare("BEGIN DEFERRED").ExecuteNonQuery();
            try
            {
                return read();
            }
            finally
            {
                Prepare("COMMIT").ExecuteNonQuery();
            }
        }

        /// <summary>The generation after which the change log is complete; a snapshot older than this must reload in full.</summary>
        public long ReadChangesFrom()
        {
            var command = Prepare("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'changes_from'");
            return command.ExecuteScalar() is long from ? from : long.MaxValue;
        }

        /// <summary>Documents inserted, changed or removed after <paramref name="generation"/>.</summary>
        public HashSet<long> ReadDocumentsChangedAfter(long generation)
        {
            var command = Prepare("SELECT DISTINCT doc_id FROM doc_changes WHERE generation > $g", "$g");
            command.Parameters[0].Value = generation;
            using var reader = command.ExecuteReader();
            var ids = new HashSet<long>();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }

            return ids;
        }

        /// <summary>Summaries of the documents that exist now among those changed after <paramref name="generation"/>.</summary>
        public List<DocumentSummary> ReadSummariesChangedAfter(long generation)
        {
            var command = Prepare($"SELECT {DocumentColumns} FROM documents WHERE id IN (SELECT doc_id FROM doc_changes WHERE generation > $g)", "$g");
            command.Parameters[0].Value = generation;
            return ReadSummaries(command);
        }

        /// <summary>Facet rows of the documents changed after <paramref name="generation"/>.</summary>
        public void ReadFacetRowsChangedAfter(long generation, Action<long, string, string, string> onRow)
        {
            ArgumentNullException.ThrowIfNull(onRow);
            var command = Prepare("SELECT doc_id, facet, value, label FROM facets WHERE doc_id IN (SELECT doc_id FROM doc_changes WHERE generation > $g)", "$g");
            command.Parameters[0].Value = generation;
            ReadFacetRows(command, onRow);
        }

        private static List<DocumentSummary> ReadSummaries(SqliteCommand command)
        {
            using var reader = command.ExecuteReader();
            var list = new List<DocumentSummary>();
            while (reader.Read())
            {
                list.Add(ReadSummary(reader));
            }

            return list;
        }

        private static void ReadFacetRows(SqliteCommand command, Action<long, string, string, string> onRow)
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                onRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            }
        }

        /// <summary>Terms of the given document-table columns with the number of documents holding each.</summary>
        /// <remarks>A term in several of the columns counts the largest of its per-column document counts.</remarks>
        public List<VocabularyEntry> ReadVocabulary(IReadOnlyCollection<string> columns)
        {
            ArgumentNullException.ThrowIfNull(columns);
            var wanted = string.Join(", ", columns.Select(c => "'" + c.Replace("'", "''", StringComparison.Ordinal) + "'"));
            var command = Prepare($"SELECT term, max(doc) FROM doc_vocab WHERE col IN ({wanted}) GROUP BY term");
            using var reader = command.ExecuteReader();
            var list = new List<VocabularyEntry>();
            while (reader.Read())
            {
                list.Add(new VocabularyEntry(reader.GetString(0), reader.GetInt32(1)));
            }

            return list;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _connection.Dispose();
        }

        private static StoredPassage ReadPassageRow(SqliteDataReader reader) => new(
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetInt32(3),
            JsonSerializer.Deserialize<List<string>>(reader.GetString(4)) ?? [],
            reader.GetString(5));

        private SqliteCommand Prepare(string sql, params string[] parameterNames)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.CommandText = sql;
                foreach (var name in parameterNames)
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                command.Prepare();
                _commands[sql] = command;
            }

            return command;
        }
    }
}
