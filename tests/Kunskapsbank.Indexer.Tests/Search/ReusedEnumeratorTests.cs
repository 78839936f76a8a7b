using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Search;

/// <summary>Searches reuse Lucene's enumerators from earlier searches (<see cref="Kunskapsbank.Indexer.Index.ReusableEnums"/>);
/// a reused one must answer exactly as a fresh one did, in any order and on several threads at once.</summary>
public sealed class ReusedEnumeratorTests : IDisposable
{
    private static readonly string[] Queries =
    [
        "våld", "våld skolan", "\"hälso- och sjukvården\"", "hedersrelaterat våld", "skydd*", "barn OR ungdomar",
        "våld -skolan", "riskbedömning", "\"våld i nära relationer\"", "kvinnor våld", "bo*", "stöd och behandling",
    ];

    private readonly TestCorpus _corpus = new();

    public ReusedEnumeratorTests()
    {
        _corpus.WriteMarkdown("skola.md", "Våld i skolan", "## Skolan\n\nVåld i skolan drabbar barn och ungdomar. Skyddet brister.");
        _corpus.WriteMarkdown("vard.md", "Hälso- och sjukvården", "## Rutiner\n\nHälso- och sjukvården ställer frågor om våld i nära relationer.\n\n## Stöd\n\nStöd och behandling för kvinnor som utsatts för våld.");
        _corpus.WriteMarkdown("heder.md", "Hedersrelaterat våld och förtryck", "## Riskbedömning\n\nEn riskbedömning görs när hedersrelaterat våld misstänks. Skyddat boende kan behövas.");
        _corpus.WriteMarkdown("boende.md", "Skyddat boende", "## Boende\n\nKvinnor och barn som utsatts för våld kan bo i skyddat boende.");
        _corpus.Sync();
    }

    [Fact]
    public void Searches_in_another_order_and_on_two_threads_answer_as_the_first_searches_did()
    {
        var first = Queries.ToDictionary(q => q, Answer);

        foreach (var query in Queries.Reverse())
        {
            Assert.Equal(first[query], Answer(query));
        }

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var query = Queries[(i * 7) % Queries.Length];
            Assert.Equal(first[query], Answer(query));
        });
    }

    [Fact]
    public void A_search_after_a_new_segment_finds_its_document_and_still_answers_the_old_ones()
    {
        var before = _corpus.Paths("våld skolan");
        _corpus.WriteMarkdown("nytt.md", "Våld mot äldre", "## Äldre\n\nVåld mot äldre i hemtjänsten.");
        _corpus.Sync();

        var after = _corpus.Search("våld äldre");

        Assert.Equal(["nytt.md"], after.Hits.Select(h => h.Path));
        Assert.Equal(before, _corpus.Paths("våld skolan"));
    }

    public void Dispose() => _corpus.Dispose();

    // Everything a reader sees: hits in order with scores, passages with pages and marked snippets, and the facets.
    private string Answer(string query)
    {
        var response = _corpus.Index.Search.Search(new SearchRequest { Query = query, PageSize = 10 });
        var hits = response.Hits.Select(h => $"{h.Path} {h.Score:R} [{string.Join(" / ", h.Passages.Select(p => $"{p.PassageId} {p.Page} {p.Snippet}"))}]");
        var facets = response.Facets.Select(f => $"{f.Key}: {string.Join(',', f.Value.Select(v => $"{v.Id}={v.Count}"))}");
        return $"{response.Total}|{string.Join('\n', hits)}|{string.Join('\n', facets)}";
    }
}
