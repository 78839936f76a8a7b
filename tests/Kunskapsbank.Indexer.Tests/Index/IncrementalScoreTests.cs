using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Tests.Corpus;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>An index kept up to date by incremental syncs ranks exactly like a clean build of the same files.</summary>
public sealed class IncrementalScoreTests
{
    private static readonly string[] Queries = ["våld", "skolan", "kvinnojouren", "barn", "hedersrelaterat våld", "samtal stöd"];

    [Fact]
    public void Sync_AfterChangedDeletedAndMovedFiles_GivesTheSameScoresAsACleanIndex()
    {
        using var incremental = new TestCorpus();
        var files = InitialFiles();
        foreach (var (path, (title, body)) in files)
        {
            incremental.WriteMarkdown(path, title, body);
        }

        incremental.Sync();
        _ = Snapshot(incremental);

        // Change two files (one longer, one shorter), delete two and move one into a sub-folder.
        files["a.md"] = ("Våld i skolan", "Våld i skolan. Skolan behöver stöd. Kvinnojouren ger stöd och samtal om våld och barn i skolan varje vecka.");
        files["b.md"] = ("Barn", "Barn.");
        files.Remove("c.md");
        files.Remove("d.md");
        var moved = files["e.md"];
        files.Remove("e.md");
        files["arkiv/e.md"] = moved;
        incremental.WriteMarkdown("a.md", files["a.md"].Title, files["a.md"].Body);
        incremental.WriteMarkdown("b.md", files["b.md"].Title, files["b.md"].Body);
        File.Delete(incremental.FullPath("c.md"));
        File.Delete(incremental.FullPath("d.md"));
        Directory.CreateDirectory(incremental.FullPath("arkiv"));
        File.Move(incremental.FullPath("e.md"), incremental.FullPath("arkiv/e.md"));
        incremental.Sync();

        using var clean = new TestCorpus();
        foreach (var (path, (title, body)) in files)
        {
            clean.WriteMarkdown(path, title, body);
        }

        clean.Sync();

        var expected = Snapshot(clean);
        var actual = Snapshot(incremental);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var query in Queries)
        {
            Assert.Equal(expected[query].Select(h => h.Path), actual[query].Select(h => h.Path));
            foreach (var (want, got) in expected[query].Zip(actual[query]))
            {
                Assert.True(Math.Abs(want.Score - got.Score) < 1e-9, $"{query} / {want.Path}: ren {want.Score}, inkrementell {got.Score}");
            }
        }
    }

    [Fact]
    public void Sync_AfterSidecarAndTaxonomyChanges_GivesTheSameHitsScoresAndFacetsAsACleanIndex()
    {
        using var incremental = new TestCorpus();
        foreach (var (path, (title, body)) in InitialFiles())
        {
            incremental.WriteMarkdown(path, title, body);
        }

        incremental.Write("taxonomi.yml", Taxonomy("kvinnojouren"));
        incremental.Write("a.md.meta.yml", "år: 2019\nämne: trauma\n");
        incremental.Sync();
        _ = Facets(incremental);

        incremental.Write("taxonomi.yml", Taxonomy("skolan"));
        File.SetLastWriteTimeUtc(incremental.FullPath("taxonomi.yml"), DateTime.UtcNow.AddMinutes(1));
        incremental.Write("a.md.meta.yml", "år: 2024\nämne: samverkan\n");
        File.SetLastWriteTimeUtc(incremental.FullPath("a.md.meta.yml"), DateTime.UtcNow.AddMinutes(1));
        incremental.Write("b.md.meta.yml", "status: ersatt\nersatt av: a.md\n");
        incremental.Sync();

        using var clean = new TestCorpus();
        foreach (var (path, (title, body)) in InitialFiles())
        {
            clean.WriteMarkdown(path, title, body);
        }

        clean.Write("taxonomi.yml", Taxonomy("skolan"));
        clean.Write("a.md.meta.yml", "år: 2024\nämne: samverkan\n");
        clean.Write("b.md.meta.yml", "status: ersatt\nersatt av: a.md\n");
        clean.Sync();

        var expected = Snapshot(clean);
        var actual = Snapshot(incremental);
        foreach (var query in Queries)
        {
            Assert.Equal(expected[query].Select(h => h.Path), actual[query].Select(h => h.Path));
            Assert.Equal(expected[query].Select(h => h.Score), actual[query].Select(h => h.Score));
        }

        Assert.Equal(Facets(clean), Facets(incremental));
    }

    [Fact]
    public void Sync_AfterChangedAndDeletedFiles_PassageStatisticsAreThoseOfACleanIndex()
    {
        var files = new Dictionary<string, string>
        {
            ["a.md"] = "## Skolan\n\nSkolan gör en orosanmälan när barn far illa.\n\n## Stöd\n\nKvinnojouren ger stöd och samtal.",
            ["b.md"] = "## Skolan och barnen\n\nBarn i skolan berättar om våld.\n\n## Våld i nära relationer\n\nVåld drabbar barn.",
            ["c.md"] = "## Stöd till barn\n\nStödsamtal för barn som upplevt våld.\n\n## Skolan\n\nElevhälsan i skolan.",
            ["d.md"] = "## Hedersrelaterat våld\n\nFörtryck i hederns namn.",
        };
        using var incremental = new TestCorpus();
        foreach (var (path, body) in files)
        {
            incremental.WriteMarkdown(path, "Vägledning", body);
        }

        incremental.Sync();
        files["a.md"] = "## Barn\n\nBarn som far illa får stöd.\n\n## Skolan\n\nSkolan och socialtjänsten samverkar om barn.";
        files.Remove("c.md");
        incremental.WriteMarkdown("a.md", "Vägledning", files["a.md"]);
        File.Delete(incremental.FullPath("c.md"));
        incremental.Sync();

        using var clean = new TestCorpus();
        foreach (var (path, body) in files)
        {
            clean.WriteMarkdown(path, "Vägledning", body);
        }

        clean.Sync();

        using var expected = clean.Index.Store.Acquire();
        using var actual = incremental.Index.Store.Acquire();
        Assert.True(actual.Searcher.IndexReader.HasDeletions, "the changed and deleted documents' passages are still in the index, deleted");
        foreach (var field in new[] { IndexSchema.PassageText, IndexSchema.PassageHeading })
        {
            var want = expected.Searcher.CollectionStatistics(field);
            var got = actual.Searcher.CollectionStatistics(field);
            Assert.Equal((want.DocCount, want.SumTotalTermFreq), (got.DocCount, got.SumTotalTermFreq));
            var terms = Terms(expected.Searcher, field).Union(Terms(actual.Searcher, field)).ToList();
            Assert.NotEmpty(terms);
            Assert.Equal(terms.Select(t => DocFreq(expected.Searcher, field, t)), terms.Select(t => DocFreq(actual.Searcher, field, t)));
        }
    }

    private static List<string> Terms(IndexSearcher searcher, string field)
    {
        var terms = new List<string>();
        var enumerator = MultiFields.GetTerms(searcher.IndexReader, field)?.GetEnumerator();
        while (enumerator is not null && enumerator.MoveNext())
        {
            terms.Add(enumerator.Term.Utf8ToString());
        }

        return terms;
    }

    private static long DocFreq(IndexSearcher searcher, string field, string text)
    {
        var term = new Term(field, text);
        return searcher.TermStatistics(term, TermContext.Build(searcher.TopReaderContext, term)).DocFreq;
    }

    private static string Taxonomy(string traumaTrigger) => $"""
        fasetter:
          - id: malgrupp
            namn: Målgrupp
            värden:
              - id: unga
                namn: Unga
          - id: amne
            namn: Ämne
            värden:
              - id: trauma
                namn: Trauma
                triggerord: [{traumaTrigger}]
              - id: samverkan
                namn: Samverkan
          - id: yrkesgrupp
            namn: Yrkesgrupp
            värden:
              - id: polis
                namn: Polis
        """;

    private static List<string> Facets(TestCorpus corpus) =>
        corpus.Search("våld", pageSize: 50).Facets.SelectMany(f => f.Value.Select(v => $"{f.Key}={v.Id}:{v.Label}:{v.Count}")).Order(StringComparer.Ordinal).ToList();

    private static Dictionary<string, (string Title, string Body)> InitialFiles()
    {
        var files = new Dictionary<string, (string Title, string Body)>();
        for (var i = 0; i < 12; i++)
        {
            var body = string.Join(' ', Enumerable.Repeat($"Dokument {i} om våld i nära relationer och barn i skolan.", 1 + (i % 4)));
            if (i % 3 == 0)
            {
                body += " Kvinnojouren erbjuder samtal och stöd. Hedersrelaterat våld och förtryck.";
            }

            files[$"{(char)('a' + i)}.md"] = ($"Vägledning {i}", body);
        }

        return files;
    }

    private static Dictionary<string, List<(string Path, double Score)>> Snapshot(TestCorpus corpus) =>
        Queries.ToDictionary(q => q, q => corpus.Search(q, pageSize: 50).Hits.Select(h => (h.Path, h.Score)).OrderBy(h => h.Path, StringComparer.Ordinal).ToList());
}
