using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Bench;

/// <summary>Checks the engine's answers, so that a fast wrong answer fails the benchmark.</summary>
internal sealed class AnswerCheck(ISearchEngine engine, Analyzer analyzer)
{
    public sealed record Outcome(int Queries, int WithHits, int Partial, List<string> Problems);

    public Outcome Run(IReadOnlyList<BenchQuery> queries)
    {
        var problems = new List<string>();
        var withHits = 0;
        var partial = 0;
        foreach (var query in queries)
        {
            SearchResponse response;
            try
            {
                response = engine.Search(query.ToRequest(QueryMode.Full));
            }
            catch (SearchInputException ex)
            {
                problems.Add($"{query.Line}: avvisades ({ex.ErrorType}: {ex.Message})");
                continue;
            }

            withHits += response.Total > 0 ? 1 : 0;
            partial += response.PartialMatch ? 1 : 0;
            CheckShape(query, response, problems);
            CheckBestPassageShowsAMatch(query, response, problems);
            CheckFilters(query, response, problems);
            if (IsPlainAndQuery(query) && !response.PartialMatch && response.CorrectedQuery is null)
            {
                CheckTermsPresent(query, response, problems);
            }
        }

        return new Outcome(queries.Count, withHits, partial, problems);
    }

    private static void CheckShape(BenchQuery query, SearchResponse response, List<string> problems)
    {
        if (response.Total < response.Hits.Count || response.Hits.Count > 10)
        {
            problems.Add($"{query.Line}: total {response.Total} men {response.Hits.Count} träffar");
        }

        for (var i = 1; i < response.Hits.Count; i++)
        {
            if (response.Hits[i].Score > response.Hits[i - 1].Score + 1e-9)
            {
                problems.Add($"{query.Line}: träffarna är inte sorterade efter poäng");
                break;
            }
        }

        // A document that matched on its title alone shows no passage as if it answered (TitleOnly).
        foreach (var hit in response.Hits)
        {
            if (hit.TitleOnly ? hit.Passages.Count != 0 : hit.Passages.Count is < 1 or > 3)
            {
                problems.Add($"{query.Line}: {hit.Path} har {hit.Passages.Count} stycken (väntat {(hit.TitleOnly ? "0, träff bara i titeln" : "1–3")})");
            }
        }
    }

    // A document may match on its title or a heading alone (passage text never repeats its heading), so those count.
    private void CheckBestPassageShowsAMatch(BenchQuery query, SearchResponse response, List<string> problems)
    {
        if (response.Hits.Count == 0 || query.IsPrefix)
        {
            return;
        }

        var terms = QueryTerms(query).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var shown = analyzer.Analyze(response.Hits[0].Title).Any(t => terms.Contains(t.Term)) || response.Hits[0].Passages.Any(p =>
            p.Snippet.Contains("<mark>", StringComparison.Ordinal)
            || (p.Heading is not null && analyzer.Analyze(p.Heading).Any(t => terms.Contains(t.Term))));
        if (!shown)
        {
            problems.Add($"{query.Line}: bästa träffens stycken visar inget av sökorden");
        }
    }

    private List<Token> QueryTerms(BenchQuery query) =>
        analyzer.Analyze(query.Text.Replace("\"", " ", StringComparison.Ordinal))
            .Where(t => !t.IsCompoundPart && !t.IsStopWord)
            .ToList();

    private static void CheckFilters(BenchQuery query, SearchResponse response, List<string> problems)
    {
        foreach (var (facet, values) in query.Filters)
        {
            foreach (var hit in response.Hits)
            {
                if (!hit.Facets.TryGetValue(facet, out var have) || !have.Intersect(values).Any())
                {
                    problems.Add($"{query.Line}: {hit.Path} saknar filtret {facet}={string.Join('|', values)}");
                }
            }

            if (values.Count == 1 && response.Facets.TryGetValue(facet, out var counts))
            {
                var selected = counts.FirstOrDefault(c => c.Id == values[0]);
                if (selected is null || selected.Count != response.Total)
                {
                    problems.Add($"{query.Line}: facettantalet för {facet}={values[0]} är {selected?.Count} men total är {response.Total}");
                }
            }
        }

        foreach (var (facet, counts) in response.Facets)
        {
            if (!query.Filters.ContainsKey(facet) && counts.Any(c => c.Count > response.Total))
            {
                problems.Add($"{query.Line}: facett {facet} räknar fler dokument än total");
            }
        }
    }

    private static bool IsPlainAndQuery(BenchQuery query) =>
        !query.IsPrefix && !query.Text.Contains(" OR ", StringComparison.Ordinal) && !query.Text.Contains('-', StringComparison.Ordinal) && !query.Text.Contains('(', StringComparison.Ordinal);

    // Every required query term must occur in the document the engine returned: as a stem, an exact word or a compound part.
    private void CheckTermsPresent(BenchQuery query, SearchResponse response, List<string> problems)
    {
        var required = QueryTerms(query);
        foreach (var hit in response.Hits.Take(3))
        {
            var document = engine.GetDocument(hit.Id);
            if (document is null)
            {
                problems.Add($"{query.Line}: dokument {hit.Id} finns inte");
                continue;
            }

            var terms = new HashSet<string>(StringComparer.Ordinal);
            var texts = document.Passages.SelectMany(p => p.HeadingPath.Append(p.Text)).Append(document.Title);
            foreach (var token in texts.Distinct(StringComparer.Ordinal).SelectMany(analyzer.Analyze))
            {
                terms.Add(token.Term);
                terms.Add(token.Word);
            }

            var missing = required.Where(t => !terms.Contains(t.Term) && !terms.Contains(t.Word)).Select(t => t.Word).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{query.Line}: {hit.Path} innehåller inte {string.Join(", ", missing)}");
            }
        }
    }
}
