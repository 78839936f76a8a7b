using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Kunskapsbank.Api.Gaps;

/// <summary>The knowledge-gap counts in their own small SQLite file beside the index (it survives index rebuilds).</summary>
/// <remarks>
/// Schema — one table, one row per day and normalised query:
///   gap_day(day TEXT 'yyyy-MM-dd', terms TEXT, searches INTEGER, max_hits INTEGER, PRIMARY KEY(day, terms))
/// `day` has no time of day and there is no column for who asked: the counts cannot be tied to a person or a call.
/// </remarks>
public sealed class GapStore
{
    private readonly string _connectionString;

    /// <summary>Opens (and creates) the store at <paramref name="path"/>.</summary>
    public GapStore(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS gap_day (
                day TEXT NOT NULL,
                terms TEXT NOT NULL,
                searches INTEGER NOT NULL,
                max_hits INTEGER NOT NULL,
                PRIMARY KEY (day, terms)
            ) WITHOUT ROWID;
            """);
    }

    /// <summary>Adds one search per entry to the counts of its day.</summary>
    public void Add(IReadOnlyCollection<(DateOnly Day, string Terms, int Hits)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO gap_day (day, terms, searches, max_hits) VALUES ($day, $terms, 1, $hits)
            ON CONFLICT (day, terms) DO UPDATE SET searches = searches + 1, max_hits = max(max_hits, excluded.max_hits)
            """;
        var day = command.Parameters.Add("$day", SqliteType.Text);
        var terms = command.Parameters.Add("$terms", SqliteType.Text);
        var hits = command.Parameters.Add("$hits", SqliteType.Integer);
        foreach (var entry in entries)
        {
            day.Value = Format(entry.Day);
            terms.Value = entry.Terms;
            hits.Value = entry.Hits;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The most frequent queries from <paramref name="from"/> on, each asked at least <paramref name="minimumCount"/> times.</summary>
    public IReadOnlyList<KnowledgeGap> Report(DateOnly from, int minimumCount, int limit)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT terms, sum(searches) AS total, max(max_hits), count(*), max(day)
            FROM gap_day WHERE day >= $from
            GROUP BY terms HAVING total >= $min
            ORDER BY total DESC, terms LIMIT $limit
            """;
        command.Parameters.AddWithValue("$from", Format(from));
        command.Parameters.AddWithValue("$min", minimumCount);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var gaps = new List<KnowledgeGap>();
        while (reader.Read())
        {
            gaps.Add(new KnowledgeGap(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetInt32(2),
                reader.GetInt32(3),
                Parse(reader.GetString(4))));
        }

        return gaps;
    }

    /// <summary>All counted searches per week (keyed by its Monday) from <paramref name="from"/> on.</summary>
    public IReadOnlyDictionary<DateOnly, int> WeeklyTotals(DateOnly from)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();

        // date(day, 'weekday 0', '-6 days') is the Monday of the day's ISO week (weekday 0 = the next Sunday, or the day itself).
        command.CommandText = """
            SELECT date(day, 'weekday 0', '-6 days') AS monday, sum(searches)
            FROM gap_day WHERE day >= $from GROUP BY monday
            """;
        command.Parameters.AddWithValue("$from", Format(from));
        using var reader = command.ExecuteReader();
        var weeks = new Dictionary<DateOnly, int>();
        while (reader.Read())
        {
            weeks[Parse(reader.GetString(0))] = reader.GetInt32(1);
        }

        return weeks;
    }

    /// <summary>Queries asked at least <paramref name="minimumCount"/> times from <paramref name="split"/> on, and more than between <paramref name="from"/> and it.</summary>
    public IReadOnlyList<(string Terms, int Earlier, int Recent)> Rising(DateOnly from, DateOnly split, int minimumCount, int limit)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT terms,
                   sum(CASE WHEN day < $split THEN searches ELSE 0 END) AS earlier,
                   sum(CASE WHEN day >= $split THEN searches ELSE 0 END) AS recent
            FROM gap_day WHERE day >= $from
            GROUP BY terms HAVING recent >= $min AND recent > earlier
            ORDER BY recent - earlier DESC, recent DESC, terms LIMIT $limit
            """;
        command.Parameters.AddWithValue("$from", Format(from));
        command.Parameters.AddWithValue("$split", Format(split));
        command.Parameters.AddWithValue("$min", minimumCount);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var rising = new List<(string, int, int)>();
        while (reader.Read())
        {
            rising.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return rising;
    }

    /// <summary>Deletes the counts of days before <paramref name="before"/>.</summary>
    public int DeleteBefore(DateOnly before)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM gap_day WHERE day < $before";
        command.Parameters.AddWithValue("$before", Format(before));
        return command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Parse(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One normalised query that found little, with how often it was asked.</summary>
/// <param name="Terms">The analysed terms, sorted, space-separated.</param>
/// <param name="Searches">Searches in the period.</param>
/// <param name="MaxHits">The most hits any of those searches found.</param>
/// <param name="Days">On how many days it was asked.</param>
/// <param name="LastDay">The last day it was asked.</param>
public sealed record KnowledgeGap(string Terms, int Searches, int MaxHits, int Days, DateOnly LastDay);
