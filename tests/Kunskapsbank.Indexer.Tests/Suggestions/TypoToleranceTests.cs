using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Suggestions;

public sealed class TypoToleranceTests : IClassFixture<TypoToleranceTests.Fixture>
{
    private readonly TestCorpus _corpus;

    public TypoToleranceTests(Fixture fixture) => _corpus = fixture.Corpus;

    [Theory]
    [InlineData("kvinnojuor", "kvinnojour")]
    [InlineData("orosanmälna", "orosanmälan")]
    [InlineData("barnahsu", "barnahus")]
    [InlineData("kvinnnojour", "kvinnojour")]
    public void Search_Typo_IsCorrectedAndSearched(string typed, string intended)
    {
        var response = _corpus.Search(typed);

        Assert.Equal(intended, response.Suggestion);
        Assert.Equal(intended, response.CorrectedQuery);
        Assert.NotEmpty(response.Hits);
    }

    [Fact]
    public void Search_MissingSwedishLetter_IsCorrected()
    {
        var response = _corpus.Search("orosanmalan");

        Assert.Equal("orosanmälan", response.Suggestion);
    }

    [Theory]
    [InlineData("xqzvw")]
    [InlineData("asdfghjkl")]
    [InlineData("qqqqqqq")]
    public void Search_Nonsense_FindsNothingAndSuggestsNothing(string nonsense)
    {
        var response = _corpus.Search(nonsense);

        Assert.Equal(0, response.Total);
        Assert.Null(response.Suggestion);
        Assert.Null(response.CorrectedQuery);
    }

    [Fact]
    public void Search_KeepsTheRestOfTheQueryInTheSuggestion()
    {
        var response = _corpus.Search("kvinnojuor polisen");

        Assert.Equal("kvinnojour polisen", response.Suggestion);
    }

    [Theory]
    [InlineData("umgängesbegränsnig", "umgängesbegränsning")]
    [InlineData("skyddsbedömnig", "skyddsbedömning")]
    public void Search_MisspeltCompoundTheIndexHasOnlyInflected_IsCorrectedAndSearched(string typed, string intended)
    {
        var response = _corpus.Search(typed);

        Assert.Equal(intended, response.CorrectedQuery);
        Assert.Contains(response.Hits, h => h.Path == "d4.md");
    }

    [Fact]
    public void Search_DoubledConsonantTheStemmerAlreadyConflates_FindsTheDocumentAsTyped()
    {
        var response = _corpus.Search("kontaktförbudd");

        Assert.Null(response.CorrectedQuery);
        Assert.Contains(response.Hits, h => h.Path == "d4.md");
    }

    [Fact]
    public void Search_WithCorrectionTurnedOff_SearchesExactlyWhatWasTyped()
    {
        var response = _corpus.Index.Search.Search(new SearchRequest { Query = "kvinnojuor", CorrectTypos = false });

        Assert.Equal(0, response.Total);
        Assert.Null(response.CorrectedQuery);
        Assert.Null(response.Suggestion);
    }

    [Fact]
    public void Search_WordInCapitals_IsTakenAsAnAcronymAndNotCorrected()
    {
        Assert.Equal("barnahus", _corpus.Search("barnahsu").CorrectedQuery);

        var response = _corpus.Search("BARNAHSU");

        Assert.Equal(0, response.Total);
        Assert.Null(response.CorrectedQuery);
    }

    [Fact]
    public void Search_QuotedPhrase_IsNotCorrected()
    {
        var response = _corpus.Search("\"kvinnojuor hjälper\"");

        Assert.Null(response.CorrectedQuery);
        Assert.Null(response.Suggestion);
    }

    [Fact]
    public void Search_RareWordWithACommonNeighbour_FindsBothAndOffersTheCommonOne()
    {
        var response = _corpus.Search("polisn");

        Assert.Null(response.CorrectedQuery);
        Assert.Equal("polisen", response.Suggestion);
        Assert.Equal("d5.md", response.Hits[0].Path);
        Assert.Contains(response.Hits, h => h.Path == "d0.md");
    }

    [Fact]
    public void Suggest_CompletesTitlesAndFrequentWords()
    {
        var completions = _corpus.Index.Search.Suggest("kvinno");

        Assert.Contains(completions, c => c.Kind == "titel" && c.Text == "Kvinnojour och polisen");
        Assert.Contains(completions, c => c.Kind == "term" && c.Text == "kvinnojour");
    }

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            for (var i = 0; i < 4; i++)
            {
                Corpus.WriteMarkdown($"d{i}.md", i == 0 ? "Kvinnojour och polisen" : $"Dokument {i}", "En kvinnojour hjälper. Skolan gör en orosanmälan till socialtjänsten. Barnahus finns. Polisen kommer.");
            }

            Corpus.WriteMarkdown("d4.md", "Beslut om umgänge", "Umgängesbegränsningar och kontaktförbudet prövas efter skyddsbedömningen. En begränsning kräver en bedömning.");
            Corpus.WriteMarkdown("d5.md", "Anteckning", "Här står polisn, felstavat en gång.");
            Corpus.Sync();
        }

        public TestCorpus Corpus { get; } = new();

        public void Dispose() => Corpus.Dispose();
    }
}
