using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Search;

public sealed class RankingTests
{
    private const string Filler = "Texten handlar om arbetet i kommunen och om hur personalen samarbetar med andra myndigheter varje dag.";

    [Fact]
    public void Search_ExactWord_RanksAboveOtherFormsOfTheStem()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("stam.md", "Dokument ett", $"{Filler} Kvinnojourerna tar emot samtal. {Filler}");
        corpus.WriteMarkdown("exakt.md", "Dokument två", $"{Filler} Kvinnojouren tar emot samtal. {Filler}");
        corpus.Sync();

        Assert.Equal(["exakt.md", "stam.md"], corpus.Paths("kvinnojouren"));
    }

    [Fact]
    public void Search_WholeWord_RanksAboveACompoundPart()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("del.md", "Dokument ett", $"{Filler} FREDA-kortfrågor används. {Filler}");
        corpus.WriteMarkdown("ord.md", "Dokument två", $"{Filler} Kortfrågor används. {Filler}");
        corpus.Sync();

        var paths = corpus.Paths("kortfrågor");

        Assert.Equal("ord.md", paths[0]);
        Assert.Contains("del.md", paths);
    }

    [Fact]
    public void Search_Halsa_FindsHalsoOchSjukvard_WithTheDanglingFirstPartHighlighted()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("vard.md", "Rutin för vården", $"{Filler} Hälso- och sjukvården ska fråga om våld. {Filler}");
        corpus.WriteMarkdown("annat.md", "Annat", $"{Filler} {Filler}");
        corpus.Sync();

        var hit = corpus.Search("hälsa").Hits.Single();

        Assert.Equal("vard.md", hit.Path);
        Assert.Contains("<mark>Hälso</mark>- och sjukvården", hit.Passages[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_TitleHit_RanksAboveBodyHit()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("brodtext.md", "Om kommunens arbete", $"{Filler} Barnahus nämns här. {Filler}");
        corpus.WriteMarkdown("titel.md", "Barnahus", $"{Filler} {Filler}");
        corpus.Sync();

        Assert.Equal(["titel.md", "brodtext.md"], corpus.Paths("barnahus"));
    }

    [Fact]
    public void Search_SupersededDocument_RanksBelowTheCurrentOne()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("gammal.md", "Föreskrift om våld", $"{Filler} Våld i nära relationer. {Filler}", "status: ersatt");
        corpus.WriteMarkdown("ny.md", "Föreskrift om våld", $"{Filler} Våld i nära relationer. {Filler}");
        corpus.Sync();

        var hits = corpus.Search("våld nära relationer").Hits;

        Assert.Equal("ny.md", hits[0].Path);
        Assert.Equal("ersatt", hits[1].Status);
    }

    [Fact]
    public void Search_AllWordsMustMatch_AndPartialMatchesAreFlagged()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Barnahus och polisen.");
        corpus.WriteMarkdown("b.md", "B", "Barnahus och skolan.");
        corpus.Sync();

        var both = corpus.Search("barnahus polisen");
        var none = corpus.Search("polisen skolan");

        Assert.Equal(["a.md"], both.Hits.Select(h => h.Path));
        Assert.False(both.PartialMatch);
        Assert.True(none.PartialMatch);
        Assert.Equal(2, none.Total);
    }

    [Fact]
    public void Search_PhrasePrefixOrAndExclusion_FollowTheLanguage()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Skyddat boende för kvinnor.");
        corpus.WriteMarkdown("b.md", "B", "Boende som är skyddat av polisen.");
        corpus.WriteMarkdown("c.md", "C", "Våldtäkten anmäldes.");
        corpus.Sync();

        Assert.Equal(["a.md"], corpus.Paths("\"skyddat boende\""));
        Assert.Equal(["c.md"], corpus.Paths("våldtäkt*"));
        Assert.Equal(2, corpus.Search("kvinnor OR våldtäkten").Total);
        Assert.Equal(["a.md"], corpus.Paths("boende -polisen"));
        Assert.Equal(["a.md"], corpus.Paths("(kvinnor OR våldtäkten) -c"));
    }

    [Fact]
    public void Search_PhraseWithAStopWord_KeepsTheOrderOfItsWordsAndTheStopWordsPlace()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("som.md", "A", "Barn som upplever våld behöver stöd.");
        corpus.WriteMarkdown("vilka.md", "B", "Barn vilka upplever våld behöver stöd.");
        corpus.WriteMarkdown("utan.md", "C", "Barn upplever våld ibland.");
        corpus.WriteMarkdown("ordning.md", "D", "Upplever barn som våld?");
        corpus.Sync();

        // As in Lucene's and Elasticsearch's phrases over stop-filtered text: the stop word holds one place, any word fills it.
        Assert.Equal(["som.md", "vilka.md"], corpus.Paths("\"barn som upplever våld\"").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_PhraseWithAStopWord_PlacesAndMarksThePassageThatHoldsIt()
    {
        // Paragraphs long enough to be passages of their own (short ones are joined up to a passage's length).
        var filler = string.Join(' ', Enumerable.Repeat(Filler, 6));
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Stöd", $"{filler}\n\nBarn behöver stöd när våld upplevs. {filler}\n\n{filler}\n\nBarn som upplever våld behöver stöd. {filler}\n\n{filler}");
        corpus.Sync();

        // The stop word leaves its position empty in the index; the passage is still chosen by the phrase's other words.
        var hit = Assert.Single(corpus.Search("\"barn som upplever våld\"").Hits);

        Assert.False(hit.TitleOnly);
        Assert.StartsWith("Barn som upplever våld", hit.Passages[0].Text);
        Assert.Contains("<mark>upplever</mark>", hit.Passages[0].Snippet);
    }

    [Fact]
    public void Search_PhraseOfStopWordsOnly_FindsTheDocumentsHoldingAllItsWords()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("ordning.md", "A", "Det som hände i går.");
        corpus.WriteMarkdown("omvand.md", "B", "Som det var förut.");
        corpus.WriteMarkdown("ena.md", "C", "Bara det ena.");
        corpus.Sync();

        // Stop words hold no positions in the index (as after Lucene's StopFilter), so the order cannot be checked.
        Assert.Equal(["omvand.md", "ordning.md"], corpus.Paths("\"det som\"").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_Newest_SortsByYear()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Barnahus.", "year: 2011");
        corpus.WriteMarkdown("b.md", "B", "Barnahus barnahus barnahus.", "year: 2024");
        corpus.WriteMarkdown("c.md", "C", "Barnahus.", "year: 2018");
        corpus.Sync();

        var hits = corpus.Index.Search.Search(new Kunskapsbank.Indexer.Search.SearchRequest { Query = "barnahus", Sort = Kunskapsbank.Indexer.Search.SortOrder.Newest }).Hits;

        Assert.Equal([2024, 2018, 2011], hits.Select(h => h.Year!.Value));
    }
}
