using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Query;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Indexer.Tests.Query;

public sealed class QueryParserTests
{
    private static readonly QueryAnalyzer Analyzer = new(SwedishAnalyzer.Create());

    [Fact]
    public void Parse_PlainWords_AreAllRequired()
    {
        var parsed = QueryParser.Parse("våld skolan");

        Assert.Equal("AND(våld skolan)", parsed.Root!.ToString());
    }

    [Fact]
    public void Parse_FullLanguage_BuildsTheExpectedTree()
    {
        var parsed = QueryParser.Parse("(heder OR skam) \"skyddat boende\" risk* -polis");

        Assert.Equal("AND(OR(heder skam) \"skyddat boende\" risk* -polis)", parsed.Root!.ToString());
    }

    [Fact]
    public void Parse_FacetPrefix_BecomesAFilter()
    {
        var parsed = QueryParser.Parse("amne:hedersrelaterat-vald riskbedömning");

        Assert.Equal("riskbedömning", parsed.Root!.ToString());
        Assert.Equal(new KeyValuePair<string, string>("amne", "hedersrelaterat-vald"), Assert.Single(parsed.InlineFilters));
    }

    [Fact]
    public void Parse_UnbalancedQuoteAndParentheses_AreForgiven()
    {
        Assert.Equal("AND(våld \"skyddat boende\")", QueryParser.Parse("våld \"skyddat boende").Root!.ToString());
        Assert.Equal("AND(våld skola)", QueryParser.Parse("((våld skola").Root!.ToString());
        Assert.Equal("AND(våld skola)", QueryParser.Parse("våld) skola)").Root!.ToString());
    }

    [Fact]
    public void Analyse_StopWords_AreDroppedFromWordListsButKeptInPhrases()
    {
        var words = Analyzer.Analyse(QueryParser.Parse("våld i nära relationer").Root);
        var phrase = Analyzer.Analyse(QueryParser.Parse("\"våld i nära relationer\"").Root);

        Assert.IsType<AllClause>(words);
        Assert.DoesNotContain(((AllClause)words!).Positive, c => c is TermClause { Word: "i" });
        Assert.Contains("i", Assert.IsType<PhraseClause>(phrase).Words);
    }

    [Fact]
    public void Analyse_OnlyStopWords_SearchesThemAnyway()
    {
        var clause = Analyzer.Analyse(QueryParser.Parse("och i").Root);

        Assert.NotNull(clause);
    }

    [Fact]
    public void Analyse_OnlyExclusions_IsAClearSwedishError()
    {
        var error = Assert.Throws<SearchInputException>(() => Analyzer.Analyse(QueryParser.Parse("-våld -skola").Root));

        Assert.Equal("bara-uteslutningar", error.ErrorType);
    }

    [Fact]
    public void Parse_TooLongQuery_IsAClearSwedishError()
    {
        var error = Assert.Throws<SearchInputException>(() => QueryParser.Parse(new string('a', 20_000)));

        Assert.Equal("for-lang-fraga", error.ErrorType);
        Assert.Contains("för lång", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MatchExpression_QuotesEveryTerm()
    {
        var clause = Analyzer.Analyse(QueryParser.Parse("NEAR(våld skola) col:term title_s:x").Root)!;

        var expression = MatchExpression.ForDocuments(clause);

        Assert.DoesNotContain("NEAR(", expression, StringComparison.Ordinal);
        Assert.Contains("\"near\"", expression, StringComparison.Ordinal);
    }
}
