using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

public class StopWordMarkerFilterTests
{
    private static readonly StopWords StopWords = StopWords.Load();

    private static readonly Lucene.Net.Analysis.Analyzer Stage =
        LuceneTokens.Chain(source => new StopWordMarkerFilter(source, StopWords.ToCharArraySet()));

    [Theory]
    [InlineData("och")]
    [InlineData("att")]
    [InlineData("det")]
    [InlineData("som")]
    public void Stop_list_keeps_the_common_function_words(string word) => Assert.Contains(word, StopWords.Words);

    [Theory]
    [InlineData("mot")]
    [InlineData("inte")]
    [InlineData("man")]
    [InlineData("hon")]
    [InlineData("han")]
    [InlineData("henne")]
    [InlineData("honom")]
    [InlineData("vid")]
    [InlineData("under")]
    [InlineData("utan")]
    public void Stop_list_does_not_hold_words_that_carry_meaning_here(string word) =>
        Assert.DoesNotContain(word, StopWords.Words);

    [Fact]
    public void Filter_marks_stop_words_and_keeps_them_with_their_positions()
    {
        var tokens = LuceneTokens.Of(Stage, "våld i nära relationer");
        Assert.Equal(["våld", "i", "nära", "relationer"], tokens.Select(t => t.Term));
        Assert.Equal([1, 1, 1, 1], tokens.Select(t => t.Increment));
        Assert.Equal([false, true, false, false], tokens.Select(t => t.StopWord));
    }

    [Fact]
    public void Stop_words_are_marked_not_dropped_so_positions_stay()
    {
        var tokens = SharedAnalyzer.Instance.Analyze("våld i nära relationer");
        Assert.Equal([0, 1, 2, 3], tokens.Select(t => t.Position));
        Assert.Equal([false, true, false, false], tokens.Select(t => t.IsStopWord));
    }

    [Fact]
    public void Inte_anmala_keeps_both_words_as_searchable_terms()
    {
        var tokens = SharedAnalyzer.Instance.Analyze("inte anmäla");
        Assert.Equal(2, tokens.Count);
        Assert.All(tokens, t => Assert.False(t.IsStopWord));
    }

    [Fact]
    public void Mans_vald_mot_kvinnor_keeps_mot()
    {
        var tokens = SharedAnalyzer.Instance.Analyze("mäns våld mot kvinnor");
        Assert.Contains(tokens, t => t.Word == "mot" && !t.IsStopWord);
    }
}
