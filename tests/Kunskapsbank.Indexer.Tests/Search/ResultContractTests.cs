using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Search;

/// <summary>What a hit and a document say beyond the basics: the replacing document, title-only matches, explanations.</summary>
public sealed class ResultContractTests : IClassFixture<ResultContractTests.Fixture>
{
    private readonly TestCorpus _corpus;

    public ResultContractTests(Fixture fixture) => _corpus = fixture.Corpus;

    [Fact]
    public void Hit_OfASupersededDocument_NamesTheDocumentThatReplacesIt()
    {
        var old = _corpus.Search("kvinnojour").Hits.Single(h => h.Path == "gammal.md");
        var replacement = _corpus.Search("kvinnojour").Hits.Single(h => h.Path == "mapp/ny.md");

        Assert.Equal("mapp/ny.md", old.SupersededBy);
        Assert.Equal(new DocumentReference(replacement.Id, "Ny rutin"), old.ReplacedBy);
        Assert.Null(replacement.ReplacedBy);
        Assert.Equal(old.ReplacedBy, _corpus.Index.Search.GetDocument(old.Id)!.ReplacedBy);
    }

    [Fact]
    public void Hit_SupersededByADocumentNotInTheIndex_HasNoReplacement()
    {
        var hit = _corpus.Search("barnahus").Hits.Single(h => h.Path == "saknad.md");

        Assert.Equal("finns-inte.pdf", hit.SupersededBy);
        Assert.Null(hit.ReplacedBy);
    }

    [Fact]
    public void Hit_MatchedOnlyInTheTitle_SaysSoAndShowsNoPassageAsTheAnswer()
    {
        var hit = _corpus.Search("orosanmälan").Hits.Single();

        Assert.True(hit.TitleOnly);
        Assert.Empty(hit.Passages);
    }

    [Fact]
    public void Hit_MatchedInTheText_HasMarkedPassages()
    {
        var hit = _corpus.Search("barnahus").Hits.First(h => h.Path == "saknad.md");

        Assert.False(hit.TitleOnly);
        Assert.Contains("<mark>", hit.Passages[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_CarriesTheLuceneQueryAndEachHitsScoreExplanation()
    {
        var response = _corpus.Index.Search.Search(new SearchRequest { Query = "kvinnojour", Explain = true });

        var explain = response.Explain!;
        Assert.Contains("body_w:kvinnojour", explain.LuceneQuery, StringComparison.Ordinal);
        Assert.Equal(response.Hits.Select(h => h.Id), explain.Hits.Select(h => h.Id));
        Assert.All(explain.Hits, h => Assert.Contains("idf", h.Explanation, StringComparison.Ordinal));
        Assert.Contains("match", explain.TimingsMs.Keys);
    }

    [Fact]
    public void Explain_OfAPrefix_ShowsTheWordsItExpandedToAndTheirScores()
    {
        var response = _corpus.Index.Search.Search(new SearchRequest { Query = "kvinnojour*", Explain = true });

        var explain = response.Explain!;
        Assert.Contains("expansions(", explain.LuceneQuery, StringComparison.Ordinal);
        Assert.Contains("body_w:kvinnojouren", explain.LuceneQuery, StringComparison.Ordinal);
        Assert.NotEmpty(explain.Hits);
        Assert.All(explain.Hits, h => Assert.Contains("summan av prefixets ord", h.Explanation, StringComparison.Ordinal));
        Assert.All(explain.Hits, h => Assert.Contains("idf", h.Explanation, StringComparison.Ordinal));
    }

    [Fact]
    public void Search_WithoutExplain_HasNoExplanation()
    {
        Assert.Null(_corpus.Search("kvinnojour").Explain);
    }

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Corpus.WriteMarkdown("gammal.md", "Gammal rutin", "Kvinnojouren tar emot.", "status: ersatt\nersatt av: mapp/ny.md");
            Corpus.WriteMarkdown("mapp/ny.md", "Ny rutin", "Kvinnojouren tar emot dygnet runt.");
            Corpus.WriteMarkdown("saknad.md", "Barnahus förr", "Barnahus tar emot barn.", "status: ersatt\nersatt av: finns-inte.pdf");
            Corpus.WriteMarkdown("titel.md", "Orosanmälan", "Texten handlar om annat: samverkan mellan myndigheter.");
            Corpus.Sync();
        }

        public TestCorpus Corpus { get; } = new();

        public void Dispose() => Corpus.Dispose();
    }
}
