using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Search;

/// <summary>After a change the search side reads only the changed documents, and ends up where a full reload would.</summary>
public sealed class SnapshotRefreshTests
{
    [Fact]
    public void Snapshot_after_added_changed_moved_and_deleted_files_equals_a_full_load()
    {
        using var corpus = new TestCorpus();
        for (var i = 0; i < 8; i++)
        {
            corpus.WriteMarkdown($"d{i}.md", $"Vägledning {i}", $"Våld i nära relationer, del {i}.", $"amne: [trauma]\nyrkesgrupp: [skola]\nyear: {2010 + i}");
        }

        corpus.Sync();
        var engine = (SearchEngine)corpus.Index.Search;
        var before = engine.CurrentSnapshot();

        corpus.WriteMarkdown("d1.md", "Vägledning 1, ny upplaga", "Våld i nära relationer.", "amne: [samverkan, lagstiftning]\nyrkesgrupp: [polis]\nyear: 2024");
        File.Delete(corpus.FullPath("d2.md"));
        Directory.CreateDirectory(corpus.FullPath("arkiv"));
        File.Move(corpus.FullPath("d3.md"), corpus.FullPath("arkiv/d3.md"));
        corpus.WriteMarkdown("ny.md", "Ny rutin", "Hedersrelaterat våld.", "amne: [hedersrelaterat-vald]\nyrkesgrupp: [halso-och-sjukvard]\nyear: 2025\npublisher: \"Socialstyrelsen\"");
        corpus.Sync();
        var after = engine.CurrentSnapshot();

        Assert.True(before.WasLoadedInFull);
        Assert.False(after.WasLoadedInFull);
        Assert.True(after.Generation > before.Generation);
        var full = LoadInFull(corpus, after.Taxonomy);
        Assert.Equal(full.Generation, after.Generation);
        Assert.Equal(full.Documents.OrderBy(d => d.Key), after.Documents.OrderBy(d => d.Key));
        Assert.Equal(full.ByTitleLength.Select(d => d.Id), after.ByTitleLength.Select(d => d.Id));
        foreach (var id in full.Documents.Keys)
        {
            Assert.Equal(Describe(full.Facets.FacetsOf(id)), Describe(after.Facets.FacetsOf(id)));
        }

        Assert.Equal(CountAll(full), CountAll(after));
        Assert.Contains(after.Documents.Values, d => d.Path == "arkiv/d3.md");
        Assert.DoesNotContain(after.Documents.Values, d => d.Path == "d2.md");
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
    public void Snapshot_further_behind_than_the_change_log_reaches_is_loaded_in_full()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Våld.");
        corpus.Sync();
        var engine = (SearchEngine)corpus.Index.Search;
        var before = engine.CurrentSnapshot();

        // Each sync of a changed file is one generation; the log is pruned in steps, so go well past what it keeps.
        for (var i = 0; i < IndexStore.ChangeLogGenerations + 40; i++)
        {
            corpus.WriteMarkdown("a.md", "A", $"Våld, version {i}.");
            corpus.Sync();
        }

        var after = engine.CurrentSnapshot();

        Assert.True(after.Generation > before.Generation + IndexStore.ChangeLogGenerations);
        Assert.True(after.WasLoadedInFull);
        Assert.Equal(["a.md"], after.Documents.Values.Select(d => d.Path));
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

    private static IndexSnapshot LoadInFull(TestCorpus corpus, Kunskapsbank.Indexer.Metadata.Taxonomy taxonomy)
    {
        using var store = IndexStore.Open(corpus.IndexPath);
        var session = store.Rent();
        try
        {
            return IndexSnapshot.Load(session, taxonomy);
        }
        finally
        {
            store.Return(session);
        }
    }

    private static List<string> Describe(Dictionary<string, IReadOnlyList<string>> facets) =>
        facets.SelectMany(f => f.Value.Select(v => f.Key + "=" + v)).Order(StringComparer.Ordinal).ToList();

    private static List<string> CountAll(IndexSnapshot snapshot)
    {
        var counter = snapshot.Facets.CreateCounter(new Dictionary<string, IReadOnlyList<int>>());
        foreach (var id in snapshot.Documents.Keys)
        {
            counter.Add(id, countFacets: true);
        }

        return counter.ToFacetCounts().SelectMany(f => f.Value.Select(v => $"{f.Key}={v.Id}:{v.Count}")).Order(StringComparer.Ordinal).ToList();
    }

    private static int Count(SearchResponse response, string facet, string value) =>
        response.Facets[facet].SingleOrDefault(v => v.Id == value)?.Count ?? 0;
}
