using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Search;

/// <summary>After each sync the searcher shows the writer's state, and answers as a fresh open of the same folder does.</summary>
public sealed class NearRealTimeTests
{
    [Fact]
    public void Search_after_added_changed_moved_and_deleted_files_equals_a_fresh_open()
    {
        using var corpus = new TestCorpus();
        for (var i = 0; i < 8; i++)
        {
            corpus.WriteMarkdown($"d{i}.md", $"Vägledning {i}", $"Våld i nära relationer, del {i}.", $"amne: [trauma]\nyrkesgrupp: [skola]\nyear: {2010 + i}");
        }

        corpus.Sync();
        _ = corpus.Search("våld");

        corpus.WriteMarkdown("d1.md", "Vägledning 1, ny upplaga", "Våld i nära relationer.", "amne: [samverkan, lagstiftning]\nyrkesgrupp: [polis]\nyear: 2024");
        File.Delete(corpus.FullPath("d2.md"));
        Directory.CreateDirectory(corpus.FullPath("arkiv"));
        File.Move(corpus.FullPath("d3.md"), corpus.FullPath("arkiv/d3.md"));
        corpus.WriteMarkdown("ny.md", "Ny rutin", "Hedersrelaterat våld.", "amne: [hedersrelaterat-vald]\nyrkesgrupp: [halso-och-sjukvard]\nyear: 2025\npublisher: \"Socialstyrelsen\"");
        corpus.Sync();
        var live = Describe(corpus.Search("våld", pageSize: 50));
        corpus.Reopen();
        var fresh = Describe(corpus.Search("våld", pageSize: 50));

        Assert.Equal(fresh, live);
        Assert.Contains(live, l => l.StartsWith("arkiv/d3.md|", StringComparison.Ordinal));
        Assert.DoesNotContain(live, l => l.StartsWith("d2.md|", StringComparison.Ordinal));
        Assert.Contains("amne=hedersrelaterat-vald:1", live);
    }

    [Fact]
    public void Search_after_a_facet_change_counts_the_new_values_and_not_the_old()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Våld.", "amne: [trauma]");
        corpus.WriteMarkdown("b.md", "B", "Våld.", "amne: [trauma]");
        corpus.Sync();
        Assert.Equal(2, Count(corpus.Search("våld"), "amne", "trauma"));

        corpus.WriteMarkdown("b.md", "B", "Våld.", "amne: [samverkan]");
        corpus.Sync();
        var response = corpus.Search("våld", new() { ["amne"] = ["samverkan"] });

        Assert.Equal(["b.md"], response.Hits.Select(h => h.Path));
        Assert.Equal(1, Count(response, "amne", "trauma"));
        Assert.Equal(1, Count(response, "amne", "samverkan"));
    }

    [Fact]
    public void Correction_knows_words_of_documents_added_after_the_first_search()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Våld i nära relationer.");
        corpus.Sync();
        Assert.Null(corpus.Search("barnahsu").Suggestion);

        corpus.WriteMarkdown("b.md", "B", "Barnahus tar emot barn.");
        corpus.WriteMarkdown("c.md", "C", "Samråd på barnahus.");
        corpus.Sync();
        var response = corpus.Search("barnahsu");

        Assert.Equal("barnahus", response.Suggestion);
        Assert.Equal(["b.md", "c.md"], response.Hits.Select(h => h.Path).Order());
    }

    [Fact]
    public async Task Search_running_in_parallel_with_a_sync_always_sees_a_whole_state()
    {
        using var corpus = new TestCorpus();
        for (var i = 0; i < 20; i++)
        {
            corpus.WriteMarkdown($"d{i}.md", $"Dokument {i}", $"Våld i nära relationer och skolan nummer {i}.");
        }

        corpus.Sync();
        using var stop = new CancellationTokenSource();
        var totals = new List<int>();
        var searching = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = corpus.Search("våld skolan", pageSize: 50);
                lock (totals)
                {
                    totals.Add(response.Total);
                }

                Assert.Equal(response.Total, response.Hits.Count);
                Assert.Equal(response.Total, response.Facets["status"].Sum(v => v.Count));
            }
        });

        for (var i = 20; i < 40; i++)
        {
            corpus.WriteMarkdown($"d{i}.md", $"Dokument {i}", $"Våld i nära relationer och skolan nummer {i}.");
            corpus.Sync();
        }

        await stop.CancelAsync();
        await searching;
        Assert.Equal(40, corpus.Search("våld skolan").Total);
        Assert.All(totals, t => Assert.InRange(t, 20, 40));
    }

    private static List<string> Describe(SearchResponse response) =>
        response.Hits.Select(h => $"{h.Path}|{h.Title}|{h.Year}|{h.Score}|{string.Join(',', h.Facets.SelectMany(f => f.Value.Select(v => f.Key + "=" + v)).Order(StringComparer.Ordinal))}")
            .Concat(response.Facets.SelectMany(f => f.Value.Select(v => $"{f.Key}={v.Id}:{v.Count}")))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static int Count(SearchResponse response, string facet, string value) =>
        response.Facets[facet].SingleOrDefault(v => v.Id == value)?.Count ?? 0;
}
