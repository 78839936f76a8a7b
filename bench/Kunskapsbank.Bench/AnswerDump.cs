using System.Text.Json;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Bench;

/// <summary>Writes every query's full answer (hits, scores, chosen passages, snippets, facet counts) as JSON lines.</summary>
/// <remarks>Two builds' dumps over the same index are compared with <c>diff</c>: a speed-up must not change an answer.</remarks>
internal static class AnswerDump
{
    public static void Write(ISearchEngine engine, IReadOnlyList<BenchQuery> queries, string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var query in queries)
        {
            object answer;
            try
            {
                var response = engine.Search(query.ToRequest(QueryMode.Full));
                answer = new
                {
                    query = query.Line,
                    total = response.Total,
                    partial = response.PartialMatch,
                    corrected = response.CorrectedQuery,
                    hits = response.Hits.Select(h => new
                    {
                        id = h.Id,
                        score = h.Score,
                        title_only = h.TitleOnly,
                        passages = h.Passages.Select(p => new { id = p.PassageId, page = p.Page, heading = p.Heading, snippet = p.Snippet }),
                    }),
                    facets = response.Facets.ToDictionary(f => f.Key, f => f.Value.Select(v => $"{v.Id}={v.Count}")),
                };
            }
            catch (SearchInputException ex)
            {
                answer = new { query = query.Line, error = ex.ErrorType };
            }

            writer.WriteLine(JsonSerializer.Serialize(answer));
        }
    }
}
