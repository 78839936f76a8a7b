using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

public class LegalAbbreviationFilterTests
{
    private static readonly Analyzer Analyzer = SharedAnalyzer.Instance;

    [Fact]
    public void Law_abbreviation_in_its_own_casing_is_analysed_as_the_law_and_not_as_the_everyday_word()
    {
        var law = Analyzer.Analyze("SoL").Where(t => !t.IsCompoundPart).Select(t => t.Term).Single();
        var sun = Analyzer.Analyze("solen sken").Select(t => t.Term).ToList();

        Assert.Equal(Analyzer.Analyze("socialtjänstlagen").Where(t => !t.IsCompoundPart).Select(t => t.Term).Single(), law);
        Assert.DoesNotContain(law, sun);
        Assert.Equal(Analyzer.Analyze("solen").Select(t => t.Term), Analyzer.Analyze("Sol").Select(t => t.Term));
        Assert.Equal(Analyzer.Analyze("sol").Select(t => t.Term), Analyzer.Analyze("SOL").Select(t => t.Term));
    }

    [Fact]
    public void Law_abbreviation_keeps_its_own_offsets_for_highlighting()
    {
        var token = Analyzer.Analyze("enligt SoL ska").Single(t => t.Word == "socialtjänstlagen");

        Assert.Equal((7, 10), (token.Start, token.End));
    }
}
