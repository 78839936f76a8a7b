using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Indexer.Tests.Search;

namespace Kunskapsbank.Indexer.Tests.Suggestions;

/// <summary>The misspelling test set (tests/data/typos) over the shipped corpus: each misspelling finds its document in the top 3, and rare words and nonsense are left alone.</summary>
public sealed class TypoToleranceSetTests : IClassFixture<GoldenSearchTests.ShippedCorpus>
{
    private static readonly List<string[]> Misspellings = Rows("misspellings.tsv");
    private static readonly List<string[]> NotCorrected = Rows("not-corrected.tsv");

    private readonly GoldenSearchTests.ShippedCorpus _corpus;

    public TypoToleranceSetTests(GoldenSearchTests.ShippedCorpus corpus) => _corpus = corpus;

    public static TheoryData<string, string, string> MisspellingRows => Data(Misspellings.Select(r => (r[0], r[3], r[4])));

    public static TheoryData<string, string, string> NotCorrectedRows => Data(NotCorrected.Select(r => (r[0], r[1], r.Length > 2 ? r[2] : string.Empty)));

    [Theory]
    [MemberData(nameof(MisspellingRows))]
    public void Misspelling_FindsTheIntendedDocumentInTheTopThree(string misspelling, string intended, string document)
    {
        var response = Search(misspelling);

        var top = response.Hits.Take(3).Select(h => h.Path).ToList();
        Assert.True(top.Contains(document), $"\"{misspelling}\" (for \"{intended}\") found {string.Join(", ", top)}; corrected: {response.CorrectedQuery}, suggested: {response.Suggestion}");
        Assert.False(response.PartialMatch);
    }

    [Theory]
    [MemberData(nameof(NotCorrectedRows))]
    public void RareWordOrNonsense_IsNotCorrected(string query, string kind, string document)
    {
        var response = Search(query);

        Assert.Null(response.CorrectedQuery);
        Assert.Null(response.Suggestion);
        if (kind == "rare")
        {
            Assert.Contains(document, response.Hits.Take(3).Select(h => h.Path));
        }
        else
        {
            Assert.Equal(0, response.Total);
        }
    }

    [Fact]
    public void MisspellingSet_CoversEveryKindWithCompounds_AndEachIntendedWordFindsItsDocumentFirst()
    {
        Assert.True(Misspellings.Count >= 40, $"{Misspellings.Count} misspellings");
        foreach (var kind in new[] { "dropped", "doubled", "vowel", "transposed", "diacritic", "compound-inflected" })
        {
            Assert.True(Misspellings.Count(r => r[1] == kind) >= 3, $"too few of kind {kind}");
        }

        Assert.True(Misspellings.Count(r => r[2] == "yes") >= 20);
        foreach (var row in Misspellings)
        {
            Assert.NotEqual(row[0], row[3]);
            // First, or tied with the first: one-byte norms put documents of near lengths with the word as often at
            // the same score, and a tie is ordered by the index, not by relevance.
            var hits = Search(row[3]).Hits;
            Assert.NotEmpty(hits);
            Assert.Contains(row[4], hits.TakeWhile(h => h.Score == hits[0].Score).Select(h => h.Path));
        }
    }

    [Fact]
    public void RandomLetters_AreAlmostNeverCorrected()
    {
        // Random strings may by chance lie within the allowed edits of a real word; corrections of them must stay rare.
        var random = new Random(20261205);
        const string letters = "abcdefghijklmnopqrstuvwxyzåäö";
        var corrected = 0;
        const int count = 200;
        for (var i = 0; i < count; i++)
        {
            var word = new string([.. Enumerable.Range(0, random.Next(5, 14)).Select(_ => letters[random.Next(letters.Length)])]);
            var response = Search(word);
            if (response.CorrectedQuery is not null || response.Suggestion is not null)
            {
                corrected++;
            }
        }

        Assert.True(corrected <= count / 50, $"{corrected} of {count} random strings were corrected");
    }

    private SearchResponse Search(string query) => _corpus.Index.Search.Search(new SearchRequest { Query = query, PageSize = 5, IncludeFacets = false });

    private static TheoryData<string, string, string> Data(IEnumerable<(string, string, string)> rows)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (a, b, c) in rows)
        {
            data.Add(a, b, c);
        }

        return data;
    }

    private static List<string[]> Rows(string file) =>
        [.. TestData.Lines("typos", file).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t'))];
}
