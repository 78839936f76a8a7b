using System.Text.RegularExpressions;
using Kunskapsbank.Indexer;
using Kunskapsbank.Indexer.Search;
using Microsoft.Data.Sqlite;

namespace Kunskapsbank.Stress.Crash;

/// <summary>Looks at an index file the way a suspicious operator would, always on a copy (the original stays as the crash left it).</summary>
public sealed partial class IndexInspector(string scratchDirectory)
{
    private int _copies;

    /// <summary>`PRAGMA integrity_check` plus FTS5's `integrity-check` on every FTS5 table.</summary>
    public IntegrityReport CheckIntegrity(string indexPath)
    {
        if (!File.Exists(indexPath))
        {
            return new IntegrityReport(false, [], []);
        }

        var copy = CopyWithJournal(indexPath);
        var problems = new List<string>();
        var ftsTables = new List<string>();
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString());
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA integrity_check";
                using var reader = pragma.ExecuteReader();
                while (reader.Read())
                {
                    var line = reader.GetString(0);
                    if (line != "ok")
                    {
                        problems.Add("integrity_check: " + line);
                    }
                }
            }

            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    if (Fts5Declaration().IsMatch(reader.GetString(1)))
                    {
                        ftsTables.Add(reader.GetString(0));
                    }
                }
            }

            foreach (var table in ftsTables)
            {
                try
                {
                    using var check = connection.CreateCommand();
                    var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
#pragma warning disable CA2100 // The table name comes from sqlite_master of our own copy and is quoted.
                    check.CommandText = $"INSERT INTO {quoted}({quoted}) VALUES('integrity-check')";
#pragma warning restore CA2100
                    check.ExecuteNonQuery();
                }
                catch (SqliteException e)
                {
                    problems.Add($"fts5 integrity-check {table}: {e.Message}");
                }
            }

            if (ftsTables.Count == 0)
            {
                problems.Add("ingen FTS5-tabell i indexet");
            }
        }
        catch (SqliteException e)
        {
            problems.Add("kunde inte öppna indexet: " + e.Message);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Corpora.CorpusFolder.DeleteQuietly(Path.GetDirectoryName(copy)!);
        }

        return new IntegrityReport(true, ftsTables, problems);
    }

    /// <summary>The indexed documents' paths (NFC, sorted) and the answers to <paramref name="queries"/>, read through the library.</summary>
    public IndexContents ReadContents(string indexPath, string corpusPath, IReadOnlyList<string> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var copy = CopyWithJournal(indexPath);
        try
        {
            using var index = KunskapsbankIndex.Open(new IndexOptions(copy, corpusPath));
            var report = index.Corpus.GetReport();
            var paths = report.Documents.Select(d => d.Path.Normalize(System.Text.NormalizationForm.FormC)).Order(StringComparer.Ordinal).ToList();
            var answers = queries.Select(q => Answer(index.Search, q)).ToList();
            return new IndexContents(paths, answers.Select(a => a.Ranking).ToList(), answers.Select(a => a.Scores).ToList());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Corpora.CorpusFolder.DeleteQuietly(Path.GetDirectoryName(copy)!);
        }
    }

    // Ties in score may come back in any order (document ids differ between runs), so equal scores are listed by path.
    private static (string Ranking, string Scores) Answer(ISearchEngine search, string query)
    {
        try
        {
            var response = search.Search(new SearchRequest { Query = query, PageSize = 10, IncludePassages = false });
            var hits = response.Hits
                .OrderByDescending(h => Math.Round(h.Score, 6))
                .ThenBy(h => h.Path, StringComparer.Ordinal)
                .ToList();
            return ($"{response.Total}|{string.Join(',', hits.Select(h => h.Path))}", string.Join(',', hits.Select(h => Math.Round(h.Score, 4))));
        }
        catch (SearchInputException e)
        {
            return ("fel:" + e.ErrorType, string.Empty);
        }
    }

    private string CopyWithJournal(string indexPath)
    {
        var folder = Path.Combine(scratchDirectory, $"kopia-{Interlocked.Increment(ref _copies):D3}");
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, Path.GetFileName(indexPath));
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            if (File.Exists(indexPath + suffix))
            {
                File.Copy(indexPath + suffix, copy + suffix, overwrite: true);
            }
        }

        return copy;
    }

    [GeneratedRegex(@"using\s+fts5\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Fts5Declaration();
}

/// <summary>What an index holds, in a form two indexes can be compared by.</summary>
/// <param name="Answers">Per query: total and the top-10 paths in rank order.</param>
/// <param name="Scores">Per query: the top-10 scores (compared separately: equal ranks with other scores are a drift, not a loss).</param>
public sealed record IndexContents(IReadOnlyList<string> DocumentPaths, IReadOnlyList<string> Answers, IReadOnlyList<string> Scores)
{
    /// <summary>Queries whose scores differ from <paramref name="other"/>'s.</summary>
    public int ScoreDrift(IndexContents other) => Scores.Zip(other.Scores).Count(p => p.First != p.Second);
}
