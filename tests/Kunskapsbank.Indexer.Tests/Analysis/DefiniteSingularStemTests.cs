using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

/// <summary>The definite singular in -an stems like its base form, but only where the lexicon says so.</summary>
public class DefiniteSingularStemTests
{
    private static readonly Analyzer Analyzer = SharedAnalyzer.Instance;

    [Theory]
    [InlineData("skolan", "skola")]
    [InlineData("barnmorskan", "barnmorska")]
    [InlineData("kvinnan", "kvinna")]
    [InlineData("flickan", "flicka")]
    public void Stemmer_reduces_definite_singular_in_an_to_the_stem_of_the_base_form(string definite, string baseForm) =>
        Assert.Equal(Analyzer.Stem(baseForm), Analyzer.Stem(definite));

    [Theory]
    [InlineData("skolan", "skol")]
    [InlineData("barnmorskan", "barnmorsk")]
    public void Stemmer_rule_stems_words_snowball_leaves_whole(string definite, string stem)
    {
        Assert.NotEqual(stem, SwedishStemmer.Stem(definite));
        Assert.Equal(stem, Analyzer.Stem(definite));
    }

    [Theory]
    [InlineData("sedan")]
    [InlineData("utan")]
    [InlineData("mellan")]
    [InlineData("roman")]
    public void Stemmer_leaves_words_in_an_that_are_no_definite_form_to_snowball(string word) =>
        Assert.Equal(SwedishStemmer.Stem(word), Analyzer.Stem(word));

    [Fact]
    public void Stemmer_keeps_the_override_of_anmalan()
    {
        Assert.True(StemOverrides.Load().TryGetStem("anmälan", out var stem));
        Assert.Equal(stem, Analyzer.Stem("anmälan"));
    }

    [Fact]
    public void Analyzer_matches_skolan_with_skola()
    {
        var definite = Analyzer.Analyze("skolan").Select(t => t.Term).ToList();
        var indefinite = Analyzer.Analyze("skola").Select(t => t.Term).ToList();

        Assert.NotEmpty(definite);
        Assert.Equal(indefinite, definite);
    }
}
