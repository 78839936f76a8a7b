using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Query;
using Kunskapsbank.Indexer.Tests.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Tests.Query;

/// <summary><see cref="ZonePhraseQuery"/> must match exactly the documents of Lucene's own phrase queries over the same
/// zones, for phrases that occur, phrases with a held place (a stop word), and phrases in the wrong order.</summary>
public sealed class ZonePhraseQueryTests
{
    private static readonly string[] Zones = ["title", "body"];

    [Fact]
    public void Matches_TheSameDocumentsAsLucenesPhraseQueriesOverTheZones()
    {
        using var directory = new RAMDirectory();
        var analyzer = SharedAnalyzer.Instance.Lucene;
        var paragraphs = Paragraphs().ToList();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
        {
            for (var i = 0; i < paragraphs.Count; i++)
            {
                var title = paragraphs[(i * 7) % paragraphs.Count].Split('\n')[0];
                writer.AddDocument(new Document
                {
                    new TextField("title", title, Field.Store.NO),
                    new TextField("body", paragraphs[i], Field.Store.NO),
                });
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var enums = new ReusableEnums();
        var compared = 0;
        var found = 0;
        foreach (var (stems, positions) in Phrases(paragraphs))
        {
            enums.NextRequest();
            var ours = Documents(searcher, new ZonePhraseQuery(Zones, stems, positions, enums));
            var lucenes = Documents(searcher, LucenePhrases(stems, positions));

            Assert.Equal(lucenes, ours);
            compared++;
            found += ours.Count > 0 ? 1 : 0;
        }

        Assert.True(compared > 500 && found > 200 && found < compared, $"{compared} fraser, {found} med träff");
    }

    [Fact]
    public void Explain_SaysWhetherThePhraseIsThereAndGivesNoScore()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, SharedAnalyzer.Instance.Lucene)))
        {
            writer.AddDocument(new Document { new TextField("body", "Våld i nära relationer drabbar barn.", Field.Store.NO) });
            writer.AddDocument(new Document { new TextField("body", "Relationer och våld.", Field.Store.NO) });
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var query = new ZonePhraseQuery(["body"], ["när", "relation"], [0, 1]);

        Assert.True(searcher.Explain(query, 0).IsMatch);
        Assert.Equal(0f, searcher.Explain(query, 0).Value);
        Assert.False(searcher.Explain(query, 1).IsMatch);
        Assert.Equal(1, searcher.Search(query, 10).TotalHits);
    }

    private static BooleanQuery LucenePhrases(List<string> stems, List<int> positions)
    {
        var any = new BooleanQuery();
        foreach (var zone in Zones)
        {
            var phrase = new PhraseQuery();
            for (var i = 0; i < stems.Count; i++)
            {
                phrase.Add(new Term(zone, stems[i]), positions[i]);
            }

            any.Add(phrase, Occur.SHOULD);
        }

        return any;
    }

    private static List<int> Documents(IndexSearcher searcher, Lucene.Net.Search.Query query) =>
        [.. searcher.Search(query, 10_000).ScoreDocs.Select(d => d.Doc).Order()];

    // Runs of two and three consecutive words of the text (with their parts' positions), the same with the middle
    // word's place held, and every fifth one reversed.
    private static IEnumerable<(List<string> Stems, List<int> Positions)> Phrases(List<string> paragraphs)
    {
        var n = 0;
        foreach (var paragraph in paragraphs.Where((_, i) => i % 3 == 0))
        {
            var words = SharedAnalyzer.Instance.Analyze(paragraph).Where(t => !t.IsCompoundPart).ToList();
            for (var i = 0; i + 2 < words.Count; i += 3)
            {
                var run = words.Skip(i).Take(3).ToList();
                var first = run[0].Position;
                List<string> stems = [.. run.Select(t => t.Term)];
                List<int> positions = [.. run.Select(t => t.Position - first)];
                if (++n % 5 == 0)
                {
                    stems.Reverse();
                }

                yield return (stems, positions);
                yield return ([stems[0], stems[2]], [positions[0], positions[2]]);
                yield return ([.. stems.Take(2)], [.. positions.Take(2)]);
            }
        }
    }

    private static IEnumerable<string> Paragraphs()
    {
        foreach (var file in System.IO.Directory.GetFiles(TestData.PathOf("highlighting"), "*.txt").Order(StringComparer.Ordinal))
        {
            foreach (var paragraph in File.ReadAllText(file).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            {
                yield return paragraph;
            }
        }
    }
}
