using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

public class LowercaseFilterTests
{
    private static string Lower(string word) =>
        new LowercaseFilter().Apply([new Token(word, word, 0, word.Length, 0)], word).Single().Term;

    [Theory]
    [InlineData("ÅNGEST", "ångest")]
    [InlineData("Änka", "änka")]
    [InlineData("ÖVERGREPP", "övergrepp")]
    public void Lowercase_keeps_swedish_letters_as_letters(string word, string expected) => Assert.Equal(expected, Lower(word));

    [Theory]
    [InlineData("får", "far")]
    [InlineData("för", "for")]
    [InlineData("hål", "hal")]
    public void Lowercase_never_folds_å_ä_ö_to_a_and_o(string swedish, string other) =>
        Assert.NotEqual(Lower(swedish), Lower(other));

    [Fact]
    public void Analyzer_keeps_får_and_far_and_för_and_for_apart()
    {
        var analyzer = SharedAnalyzer.Instance;
        Assert.NotEqual(analyzer.Analyze("Får")[0].Term, analyzer.Analyze("far")[0].Term);
        Assert.NotEqual(analyzer.Analyze("FÖR")[0].Term, analyzer.Analyze("for")[0].Term);
    }
}
