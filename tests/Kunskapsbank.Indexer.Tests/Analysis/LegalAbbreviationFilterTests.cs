using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

public class LegalAbbreviationFilterTests
{
    private static readonly Analyzer Analyzer = SharedAnalyzer.Instance;

    private static readonly Lucene.Net.Analysis.Analyzer Stage =
        LuceneTokens.Chain(source => new LegalAbbreviationFilter(source, LegalAbbreviationFilter.LoadNames()));

    [Fact]
    public void Filter_replaces_an_abbreviation_in_its_own_casing_and_keeps_its_offsets()
    {
        var tokens = LuceneTokens.Of(Stage, "enligt SoL och sol");
        Assert.Equal(["enligt", "socialtjänstlagen", "och", "sol"], tokens.Select(t => t.Term));
        Assert.Equal((7, 10), (tokens[1].Start, tokens[1].End));
    }

    [Fact]
    public void Filter_leaves_the_parts_of_a_hyphenated_word_alone()
    {
        var tokens = LuceneTokens.Of(Stage, "SoL-BrB");
        Assert.Equal(["SoLBrB", "SoL", "BrB"], tokens.Select(t => t.Term));
    }

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
        var tokens = Analyzer.Analyze("enligt SoL ska").Where(t => t.Start == 7).ToList();

        Assert.Contains(tokens, t => t.Word == "socialtjänstlagen" && !t.IsCompoundPart);
        Assert.All(tokens, t => Assert.Equal((7, 10), (t.Start, t.End)));
    }
}
