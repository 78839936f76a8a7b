using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

public class CapitalsKeywordMarkerFilterTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Stage = LuceneTokens.Chain(source => new CapitalsKeywordMarkerFilter(source));

    private static List<(string Term, bool Keyword)> Marked(string text) =>
        [.. LuceneTokens.Of(Stage, text).Select(t => (t.Term, t.Keyword))];

    [Fact]
    public void Word_in_capitals_in_running_text_is_a_keyword()
    {
        Assert.Equal([("Använd", false), ("FREDA", true), ("och", false), ("SARA", true)], Marked("Använd FREDA och SARA"));
    }

    [Fact]
    public void Words_of_a_heading_in_capitals_are_not_keywords()
    {
        Assert.All(Marked("BESLUT OM SKATTER OCH AVGIFTER"), t => Assert.False(t.Keyword, t.Term));
        Assert.All(Marked("Inledning. VÅLD I NÄRA RELATIONER. Text"), t => Assert.False(t.Keyword, t.Term));
    }

    [Fact]
    public void Single_capital_letters_and_capitalised_words_are_not_keywords()
    {
        Assert.All(Marked("I Sverige gäller A och Freda"), t => Assert.False(t.Keyword, t.Term));
    }

    [Fact]
    public void Part_in_capitals_of_a_hyphenated_word_is_a_keyword()
    {
        Assert.Equal([("FREDAkortfrågor", false), ("FREDA", true), ("kortfrågor", false)], Marked("FREDA-kortfrågor"));
    }

    [Fact]
    public void Parts_of_an_acronym_in_capitals_follow_their_whole_word()
    {
        Assert.Equal([("HSLFFS", true), ("HSLF", true), ("FS", true), ("2022:39", false), ("2022", false), ("39", false)], Marked("HSLF-FS 2022:39"));
        Assert.All(Marked("SE HSLF-FS NU"), t => Assert.False(t.Keyword, t.Term));
    }

    [Fact]
    public void Marking_does_not_change_terms_offsets_or_positions()
    {
        const string text = "Enligt LVU ska BUP och NCK, liksom FREDA-kortfrågor. SLUT";
        var plain = LuceneTokens.Of(LuceneTokens.Chain(source => source), text);
        var marked = LuceneTokens.Of(Stage, text);
        Assert.Equal(plain.Select(t => (t.Term, t.Start, t.End, t.Increment, t.Type)), marked.Select(t => (t.Term, t.Start, t.End, t.Increment, t.Type)));
    }
}
