using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

public class ReferenceKeywordMarkerFilterTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Stage = LuceneTokens.Chain(source => new ReferenceKeywordMarkerFilter(source));

    [Fact]
    public void Numbers_references_and_section_signs_are_keywords_and_words_are_not()
    {
        var tokens = LuceneTokens.Of(Stage, "Enligt 4a § lagen (1982:316) år 2023");
        Assert.Equal(
            [("Enligt", false), ("4a", true), ("§", true), ("lagen", false), ("1982:316", true), ("1982", true), ("316", true), ("år", false), ("2023", true)],
            tokens.Select(t => (t.Term, t.Keyword)));
    }

    [Fact]
    public void Analyzer_leaves_numbers_and_references_unstemmed()
    {
        var terms = SharedAnalyzer.Instance.Analyze("1982:316 § 4a 2023").Where(t => !t.IsCompoundPart).Select(t => t.Term);
        Assert.Equal(["1982:316", "§", "4a", "2023"], terms);
    }
}
