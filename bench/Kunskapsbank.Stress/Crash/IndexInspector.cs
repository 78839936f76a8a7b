using Kunskapsbank.Indexer;
using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Stress.Hosting;

namespace Kunskapsbank.Stress.Crash;

/// <summary>Looks at an index folder the way an operator would: `kunskapsbank check` as its own process, then the answers
/// read through the library without a write lock (read-only), so the folder stays as the crash left it.</summary>
public sealed class IndexInspector(IndexerCli cli)
{
    /// <summary>`kunskapsbank check --index folder`: Lucene's CheckIndex plus the ledger invariants.</summary>
    public async Task<IntegrityReport> CheckIntegrityAsync(string indexPath)
    {
        // Killed before the first commit: Lucene files without a commit are an interrupted creation, nothing to check.
        if (!Directory.Exists(indexPath) || !Directory.EnumerateFiles(indexPath, "segments_*").Any())
        {
            return new IntegrityReport(false, []);
        }

        var (exitCode, output) = await cli.CheckAsync(indexPath);
        if (exitCode == 0)
        {
            return new IntegrityReport(true, []);
        }

        var problems = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList();
        return new IntegrityReport(true, problems.Count > 0 ? problems : [$"check gav kod {exitCode}: {output.Trim()}"]);
    }

    /// <summary>The indexed documents' paths (NFC, sorted) and the answers to <paramref name="queries"/>, read through the library.</summary>
    public static IndexContents ReadContents(string indexPath, string corpusPath, IReadOnlyList<string> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        using var index = KunskapsbankIndex.Open(new IndexOptions(indexPath, corpusPath) { ReadOnly = true });
        var report = index.Corpus.GetReport();
        var paths = report.Documents.Select(d => d.Path.Normalize(System.Text.NormalizationForm.FormC)).Order(StringComparer.Ordinal).ToList();
        var answers = queries.Select(q => Answer(index.Search, q)).ToList();
        return new IndexContents(paths, answers.Select(a => a.Ranking).ToList(), answers.Select(a => a.Scores).ToList());
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
}

/// <summary>What an index holds, in a form two indexes can be compared by.</summary>
/// <param name="Answers">Per query: total and the top-10 paths in rank order.</param>
/// <param name="Scores">Per query: the top-10 scores (compared separately: equal ranks with other scores are a drift, not a loss).</param>
public sealed record IndexContents(IReadOnlyList<string> DocumentPaths, IReadOnlyList<string> Answers, IReadOnlyList<string> Scores)
{
    /// <summary>Queries whose scores differ from <paramref name="other"/>'s.</summary>
    public int ScoreDrift(IndexContents other) => Scores.Zip(other.Scores).Count(p => p.First != p.Second);
}
