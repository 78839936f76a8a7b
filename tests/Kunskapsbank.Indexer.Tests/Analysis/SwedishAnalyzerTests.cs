using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

public class SwedishAnalyzerTests
{
    private static readonly Analyzer Analyzer = SharedAnalyzer.Instance;

    [Theory]
    [InlineData("barnet", "Barnen behöver skydd.")]
    [InlineData("kvinnor", "Kvinnan sökte stöd hos kvinnojouren.")]
    [InlineData("utsatta", "Hon var utsatt för hot.")]
    [InlineData("1982:316", "Enligt lagen (1982:316) om förbud mot könsstympning.")]
    [InlineData("SOSFS 2014:4", "Föreskrifterna SOSFS 2014:4 gäller.")]
    [InlineData("14 kap. 1 §", "Anmälan enligt 14 kap. 1 § SoL.")]
    [InlineData("FREDA-kortfrågor", "Använd FREDA-kortfrågor vid screening.")]
    [InlineData("HSLF-FS 2022:39", "Se HSLF-FS 2022:39 om anmälan.")]
    [InlineData("4 a §", "Enligt 4 a § ska nämnden")]
    [InlineData("2022/23:34", "I prop. 2022/23:34 föreslås")]
    [InlineData("våldsutsatta", "Stöd till våldsutsatta kvinnor")]
    [InlineData("inte anmäla", "Hon valde att inte anmäla.")]
    [InlineData("hedersrelaterat", "Hedersrelaterat våld och förtryck.")]
    [InlineData("socialtjänstlagen", "Anmälan enligt 14 kap. 1 § SoL.")]
    [InlineData("SoL", "Enligt socialtjänstlagen ska nämnden")]
    [InlineData("brottsbalken", "Se 4 kap. 4 a § BrB om grov fridskränkning.")]
    [InlineData("hälsa", "Hälso- och sjukvården ska ha rutiner.")]
    [InlineData("sjukvård", "Hälso- och sjukvården ska ha rutiner.")]
    [InlineData("byggnad", "Byggnads- eller anläggningsarbete")]
    public void Query_terms_are_found_among_the_document_terms(string query, string document)
    {
        var documentTerms = Analyzer.Analyze(document).Select(t => t.Term).ToHashSet();
        var queryTerms = Analyzer.Analyze(query).Where(t => !t.IsCompoundPart).Select(t => t.Term).ToList();
        Assert.NotEmpty(queryTerms);
        Assert.All(queryTerms, term => Assert.Contains(term, documentTerms));
    }

    [Fact]
    public void A_phrase_query_keeps_its_positions_in_the_document()
    {
        var document = Analyzer.Analyze("Anmälan enligt 14 kap. 1 § SoL ska göras.").Where(t => !t.IsCompoundPart).ToList();
        var phrase = Analyzer.Analyze("14 kap. 1 §").Select(t => t.Term).ToList();
        var start = document.FindIndex(t => t.Term == phrase[0]);
        Assert.True(start >= 0);
        Assert.Equal(phrase, document.Skip(start).Take(phrase.Count).Select(t => t.Term));
        Assert.Equal(Enumerable.Range(document[start].Position, phrase.Count), document.Skip(start).Take(phrase.Count).Select(t => t.Position));
    }

    [Fact]
    public void A_word_analysed_alone_gives_the_same_tokens_as_in_running_text()
    {
        const string document = "Många våldsutsatta kvinnor får inte det stöd de behöver enligt 5 kap. 11 § socialtjänstlagen.";
        var inContext = Analyzer.Analyze(document);
        var offset = 0;
        foreach (var word in document.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var alone = Analyzer.Analyze(word);
            offset = document.IndexOf(word, offset, StringComparison.Ordinal);
            var expected = inContext.Where(t => t.Start >= offset && t.End <= offset + word.Length)
                .Select(t => (t.Term, t.Word, t.Kind)).ToList();
            Assert.Equal(expected, alone.Select(t => (t.Term, t.Word, t.Kind)));
            offset += word.Length;
        }
    }

    [Fact]
    public void Analyzer_is_safe_to_share_between_threads()
    {
        const string text = "Hedersrelaterat våld och förtryck drabbar barn och unga.";
        var expected = Analyzer.Analyze(text);
        Parallel.For(0, 200, _ => Assert.Equal(expected, Analyzer.Analyze(text)));
    }
}
