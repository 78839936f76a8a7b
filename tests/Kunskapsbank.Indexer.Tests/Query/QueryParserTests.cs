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
    public void LuceneQuery_IsBuiltTermByTerm_SoUserSyntaxStaysText()
    {
        var clause = Analyzer.Analyse(QueryParser.Parse("NEAR(våld skola) col:term title_s:x body:*").Root)!;
        using var empty = new Lucene.Net.Index.MultiReader();

        var query = new LuceneQueryBuilder(empty).ForDocuments(clause);

        var terms = new HashSet<Lucene.Net.Index.Term>();
        query.ExtractTerms(terms);
        Assert.Contains(terms, t => t.Field == "body_w" && t.Text == "near");
        Assert.DoesNotContain(terms, t => t.Text.Contains('(', StringComparison.Ordinal) || t.Text.Contains('*', StringComparison.Ordinal));
        Assert.All(Leaves(query), q => Assert.IsType<Kunskapsbank.Indexer.Ranking.WeightedFieldsQuery>(q));
    }

    private static IEnumerable<Lucene.Net.Search.Query> Leaves(Lucene.Net.Search.Query query) => query switch
    {
        Lucene.Net.Search.BooleanQuery boolean => boolean.Clauses.SelectMany(c => Leaves(c.Query)),
        Kunskapsbank.Indexer.Ranking.ExpansionsQuery prefix => prefix.Expansions,
        _ => [query],
    };
}
