using Lucene.Net.Analysis.Core;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Tests.Analysis;

/// <summary>Lucene's LowerCaseFilter in our chain: å, ä and ö stay the letters they are.</summary>
public class LowercaseFilterTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Stage =
        LuceneTokens.Chain(source => new LowerCaseFilter(LuceneVersion.LUCENE_48, source));

    private static string Lower(string word) => LuceneTokens.Of(Stage, word).Single().Term;

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
