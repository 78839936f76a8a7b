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

            Corpus.Sync();
        }

        public TestCorpus Corpus { get; } = new();

        public void Dispose() => Corpus.Dispose();
    }
}
