using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

/// <summary>Acronyms and instruments stay themselves: "FREDA" (the method) never finds "fred" (peace).</summary>
public class AcronymTests
{
    private static readonly Analyzer Analyzer = SharedAnalyzer.Instance;

    private static HashSet<string> Terms(string text) => [.. Analyzer.Analyze(text).Select(t => t.Term)];

    private static string WholeTerm(string text) => Analyzer.Analyze(text).Single(t => !t.IsCompoundPart).Term;

    [Theory]
    [InlineData("FREDA", "fred")]
    [InlineData("SARA", "sar")]
    [InlineData("ODARA", "odar")]
    [InlineData("ROKS", "rok")]
    public void Instrument_is_not_stemmed_into_an_ordinary_word(string acronym, string ordinaryWord)
    {
        Assert.NotEqual(WholeTerm(ordinaryWord), WholeTerm(acronym));
        Assert.DoesNotContain(WholeTerm(ordinaryWord), Terms($"Vi använder {acronym} i samtalet."));
    }

    [Theory]
    [InlineData("freda", "Freda", "FREDA")]
    [InlineData("sara", "Sara", "SARA")]
    [InlineData("lvu", "Lvu", "LVU")]
    [InlineData("nck", "Nck", "NCK")]
    [InlineData("patriark", "Patriark", "PATRIARK")]
    public void Every_casing_a_user_types_gives_the_acronym_itself(string lower, string capitalised, string capitals)
    {
        Assert.Equal(lower, WholeTerm(lower));
        Assert.Equal(lower, WholeTerm(capitalised));
        Assert.Equal(lower, WholeTerm(capitals));
    }

    [Fact]
    public void Fred_does_not_find_freda_and_freda_does_not_find_fred()
    {
        var aboutFreda = Terms("Bedömningen görs med FREDA-kortfrågor och FREDA-beskrivning.");
        var aboutPeace = Terms("Fred och frihet från våld.");
        Assert.DoesNotContain(WholeTerm("fred"), aboutFreda);
        Assert.DoesNotContain(WholeTerm("freda"), aboutPeace);
    }

    [Fact]
    public void Hyphenated_freda_kortfragor_finds_freda_and_kortfragor()
    {
        var document = Terms("Använd FREDA-kortfrågor vid screening.");
        Assert.Contains(WholeTerm("FREDA"), document);
        Assert.Contains(WholeTerm("freda"), document);
        Assert.Contains(WholeTerm("kortfrågor"), document);
        Assert.Contains(WholeTerm("kortfråga"), document);
    }

    [Fact]
    public void Unlisted_word_in_capitals_in_running_text_is_kept_unstemmed_and_its_word_matches_exactly()
    {
        var token = Analyzer.Analyze("Metoden KLARA används i samtal.").Single(t => t.Word == "klara");
        Assert.Equal("klara", token.Term);
        Assert.Equal(token.Term, WholeTerm("KLARA"));
        Assert.Equal(token.Word, Analyzer.Analyze("klara").Single().Word);
    }

    [Fact]
    public void Heading_in_capitals_is_stemmed_like_ordinary_text()
    {
        Assert.Equal(
            Analyzer.Analyze("våld mot kvinnor och barnäktenskap").Select(t => (t.Term, t.Kind)),
            Analyzer.Analyze("VÅLD MOT KVINNOR OCH BARNÄKTENSKAP").Select(t => (t.Term, t.Kind)));
    }

    [Fact]
    public void Long_word_shouted_in_capitals_is_stemmed_like_the_word()
    {
        Assert.Equal(WholeTerm("fladdermusgrottor"), Analyzer.Analyze("barn FLADDERMUSGROTTOR").Single(t => t.Word == "fladdermusgrottor").Term);
    }

    [Fact]
    public void Protected_word_is_not_split_into_compound_parts()
    {
        Assert.Single(Analyzer.Analyze("patriark"));
    }
}
